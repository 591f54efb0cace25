using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using Npgsql;
using NpgsqlTypes;
using static ContractBridge.Engine.Storage.StoreSchema;

namespace ContractBridge.Engine.Storage.Postgres;

public sealed partial class PostgresBridgeStore
{
    /// <summary>
    /// The whole group in one statement: events and jobs travel as arrays, new events are inserted (a dedupe key already
    /// stored, here or by another instance, is skipped), and only their jobs follow. One parse, one round trip, one commit.
    /// </summary>
    private const string StoreEventsSql = $"""
        WITH input AS (
            SELECT * FROM unnest(@event_ords, @sources, @dedupe_keys, @summaries, @content_types, @bodies, @job_counts)
                AS t(ord, source, dedupe_key, summary, content_type, payload, job_count)),
        e AS (
            INSERT INTO {ReceivedEventsTable} ({EventInsertColumns})
            SELECT source, dedupe_key, summary, content_type, payload, @now, job_count FROM input ORDER BY ord
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING id, dedupe_key),
        stored AS (
            SELECT input.ord, e.id FROM e JOIN input ON input.dedupe_key = e.dedupe_key),
        j AS (
            INSERT INTO {JobsTable} ({JobInsertColumns})
            SELECT t.kind, t.key, t.payload, '{Pending}', 0, t.due, stored.id, @now, @now, t.trace_parent, t.subject
            FROM unnest(@job_ords, @kinds, @keys, @payloads, @dues, @trace_parents, @subjects) WITH ORDINALITY AS t(ord, kind, key, payload, due, trace_parent, subject, n)
            JOIN stored ON stored.ord = t.ord
            ORDER BY t.n)
        SELECT ord FROM stored;
        """;

    public Task<IReadOnlyList<IngestOutcome>> StoreEventsAsync(IReadOnlyList<InboundEvent> events, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<IngestOutcome>>(async (scope, token) =>
        {
            // A key twice in one group: the first is the event, the rest are duplicates of it (as if delivered later).
            var outcomes = new IngestOutcome[events.Count];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var unique = new List<int>();
            for (var i = 0; i < events.Count; i++)
            {
                outcomes[i] = IngestOutcome.Duplicate;
                if (seen.Add(events[i].DedupeKey))
                {
                    unique.Add(i);
                }
            }

            var jobs = unique.SelectMany(i => events[i].Jobs.Select(job => (Ord: i, Job: job))).ToList();
            await using var command = scope.Command(StoreEventsSql);
            var p = command.Parameters;
            p.AddWithValue("now", NpgsqlDbType.TimestampTz, DbTime.ToUtcDateTime(now));
            p.AddWithValue("event_ords", unique.ToArray());
            p.AddWithValue("sources", NpgsqlDbType.Array | NpgsqlDbType.Text, unique.Select(i => events[i].Source).ToArray());
            p.AddWithValue("dedupe_keys", NpgsqlDbType.Array | NpgsqlDbType.Text, unique.Select(i => events[i].DedupeKey).ToArray());
            p.AddWithValue("summaries", NpgsqlDbType.Array | NpgsqlDbType.Text, unique.Select(i => events[i].Summary).ToArray());
            p.AddWithValue("content_types", NpgsqlDbType.Array | NpgsqlDbType.Text, unique.Select(i => events[i].ContentType).ToArray());
            p.AddWithValue("bodies", NpgsqlDbType.Array | NpgsqlDbType.Text, unique.Select(i => events[i].Payload).ToArray());
            p.AddWithValue("job_counts", unique.Select(i => events[i].Jobs.Count).ToArray());
            p.AddWithValue("job_ords", jobs.Select(j => j.Ord).ToArray());
            PostgresJobInserts.AddArrays(p, [.. jobs.Select(j => j.Job)], now, scope.TraceParent, name => name);
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                var stored = reader.GetInt32(0);
                outcomes[stored] = IngestOutcome.Stored;
                scope.Stored.Add(events[stored].Jobs.Select(j => j.Kind));
            }

            return outcomes;
        }, cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> ListRecentEventsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SharedSql.ListRecentEvents);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadEventsAsync(command, cancellationToken);
    }

    /// <summary>Reads rows of <see cref="StoredEventColumns"/>.</summary>
    private static async Task<List<StoredEvent>> ReadEventsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
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
        await using var command = CreateCommand(SharedSql.CountEvents);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task EnqueueAsync(IReadOnlyList<NewJob> jobs, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async (scope, token) =>
        {
            await scope.InsertJobsAsync(jobs, now, token);
            return 0;
        }, cancellationToken);
}
