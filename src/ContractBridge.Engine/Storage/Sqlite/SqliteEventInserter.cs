using ContractBridge.Engine.Intake;
using Microsoft.Data.Sqlite;
using static ContractBridge.Engine.Storage.StoreSchema;

namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>
/// The intake's INSERT of a received event, prepared once and kept with the writer's connection
/// (<see cref="SqliteStatements"/>): a group commit runs it for every event of the batch.
/// </summary>
internal sealed class SqliteEventInserter : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter source;
    private readonly SqliteParameter key;
    private readonly SqliteParameter summary;
    private readonly SqliteParameter type;
    private readonly SqliteParameter payload;
    private readonly SqliteParameter received;
    private readonly SqliteParameter jobCount;

    public SqliteEventInserter(SqliteConnection connection)
    {
        command = SqliteConnections.Command(connection, null, $"""
            INSERT INTO {ReceivedEventsTable} ({EventInsertColumns})
            VALUES (@source, @key, @summary, @type, @payload, @now, @jobs)
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING id;
            """);
        source = command.Parameters.Add("@source", SqliteType.Text);
        key = command.Parameters.Add("@key", SqliteType.Text);
        summary = command.Parameters.Add("@summary", SqliteType.Text);
        type = command.Parameters.Add("@type", SqliteType.Text);
        payload = command.Parameters.Add("@payload", SqliteType.Text);
        received = command.Parameters.Add("@now", SqliteType.Integer);
        jobCount = command.Parameters.Add("@jobs", SqliteType.Integer);
    }

    /// <summary>The new event's id, or null when an event with its dedupe key is stored already (nothing is written).</summary>
    public long? Insert(SqliteWriteScope scope, InboundEvent inbound, DateTimeOffset now)
    {
        command.Transaction = scope.Transaction;
        source.Value = inbound.Source;
        key.Value = inbound.DedupeKey;
        summary.Value = inbound.Summary;
        type.Value = inbound.ContentType;
        payload.Value = inbound.Payload;
        received.Value = DbTime.ToMicroseconds(now);
        jobCount.Value = inbound.Jobs.Count;
        return command.ExecuteScalar() is { } id ? (long)id : null;
    }

    public void Dispose() => command.Dispose();
}
