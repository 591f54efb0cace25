using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using Npgsql;
using NpgsqlTypes;

namespace ContractBridge.Engine.Storage.Postgres;

public sealed partial class PostgresBridgeStore
{
    /// <summary>
    /// One statement per event: the event row and, only when it was new, its jobs. All statements go to the server as one
    /// batch in one transaction: one round trip and one commit for the whole group.
    /// </summary>
    private const string StoreEventSql = """
        WITH e AS (
            INSERT INTO received_events (source, dedupe_key, summary, content_type, payload, received_at, job_count)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING id),
        j AS (
            INSERT INTO jobs (kind, key, payload, status, attempts, next_attempt_at, created_at, updated_at, event_id)
            SELECT t.kind, t.key, t.payload, 'Pending', 0, t.due, $6, $6, e.id
            FROM e, unnest($8, $9, $10, $11) WITH ORDINALITY AS t(kind, key, payload, due, ord)
            ORDER BY t.ord)
        SELECT id FROM e;
        """;

    public Task<IReadOnlyList<IngestOutcome>> StoreEventsAsync(IReadOnlyList<InboundEvent> events, DateTimeOffset now, CancellationToken cancellationToken) =>
        InTransactionAsync<IReadOnlyList<IngestOutcome>>(async connection =>
        {
            var receivedAt = DbTime.ToUtcDateTime(now);
            await using var batch = new NpgsqlBatch(connection);
            foreach (var inbound in events)
            {
                var statement = new NpgsqlBatchCommand(StoreEventSql);
                statement.Parameters.Add(new NpgsqlParameter { Value = inbound.Source });
                statement.Parameters.Add(new NpgsqlParameter { Value = inbound.DedupeKey });
                statement.Parameters.Add(new NpgsqlParameter { Value = inbound.Summary });
                statement.Parameters.Add(new NpgsqlParameter { Value = inbound.ContentType });
                statement.Parameters.Add(new NpgsqlParameter { Value = inbound.Payload });
                statement.Parameters.Add(new NpgsqlParameter { Value = receivedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                statement.Parameters.Add(new NpgsqlParameter { Value = inbound.Jobs.Count });
                PostgresJobInserts.AddArrays(statement.Parameters, inbound.Jobs, now, _ => string.Empty);
                batch.BatchCommands.Add(statement);
            }

            var outcomes = new IngestOutcome[events.Count];
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            for (var i = 0; i < events.Count; i++)
            {
                outcomes[i] = await reader.ReadAsync(cancellationToken) ? IngestOutcome.Stored : IngestOutcome.Duplicate;
                await reader.NextResultAsync(cancellationToken);
            }

            return outcomes;
        }, cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> ListRecentEventsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            SELECT id, source, dedupe_key, summary, received_at, job_count FROM received_events ORDER BY id DESC LIMIT @limit;
            """);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredEvent(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt32(5)));
        }

        return events;
    }

    public async Task<long> CountEventsAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT COUNT(*) FROM received_events;");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task EnqueueAsync(IReadOnlyList<NewJob> jobs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await PostgresJobInserts.InsertAsync(connection, jobs, now, cancellationToken);
    }
}
