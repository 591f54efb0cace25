using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using Microsoft.Data.Sqlite;
using static ContractBridge.Engine.Storage.StoreSchema;

namespace ContractBridge.Engine.Storage.Sqlite;

public sealed partial class SqliteBridgeStore
{
    public Task<IReadOnlyList<IngestOutcome>> StoreEventsAsync(IReadOnlyList<InboundEvent> events, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<IngestOutcome>>(scope =>
        {
            var insertEvent = scope.Statements.Get(static c => new SqliteEventInserter(c));
            var jobs = scope.Statements.Get(static c => new SqliteJobInserter(c));
            var outcomes = new IngestOutcome[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                var inbound = events[i];
                if (insertEvent.Insert(scope, inbound, now) is not { } eventId)
                {
                    outcomes[i] = IngestOutcome.Duplicate;
                    continue;
                }

                jobs.Insert(scope, inbound.Jobs, eventId, now);
                outcomes[i] = IngestOutcome.Stored;
            }

            return outcomes;
        }, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ListRecentEventsAsync(int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StoredEvent>>(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, SharedSql.ListRecentEvents);
            command.Parameters.AddWithValue("@limit", limit);
            return ReadEvents(command);
        }, cancellationToken);

    public Task<long> CountEventsAsync(CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, SharedSql.CountEvents);
            return (long)command.ExecuteScalar()!;
        }, cancellationToken);

    public Task EnqueueAsync(IReadOnlyList<NewJob> jobs, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(scope =>
        {
            scope.InsertJobs(jobs, now);
            return 0;
        }, cancellationToken);

    /// <summary>Reads rows of <see cref="StoredEventColumns"/>.</summary>
    private static List<StoredEvent> ReadEvents(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var events = new List<StoredEvent>();
        while (reader.Read())
        {
            events.Add(new StoredEvent(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                DbTime.FromMicroseconds(reader.GetInt64(4)), reader.GetInt32(5)));
        }

        return events;
    }
}
