using System.Data.Common;
using ContractBridge.Engine.Jobs;
using Npgsql;
using static ContractBridge.Engine.Storage.StoreSchema;

namespace ContractBridge.Engine.Storage.Postgres;

public sealed partial class PostgresBridgeStore
{
    /// <summary>
    /// Claims due key heads. SKIP LOCKED: rows another instance is claiming right now are passed over, not waited for; a row
    /// that changed meanwhile is re-checked against the WHERE clause on its newest version, so it cannot be claimed twice.
    /// </summary>
    private const string ClaimHeadsSql = $"""
        WITH picked AS (
            SELECT j.id AS picked_id FROM {JobsTable} j
            WHERE {SharedSql.ClaimableHeads}
              AND {SharedSql.DueForOwner}
            ORDER BY j.id
            LIMIT @max
            FOR UPDATE SKIP LOCKED)
        UPDATE {JobsTable} SET status = '{Running}', attempts = {JobsTable}.attempts + 1, lease_owner = @owner,
                        lease_expires_at = @until, updated_at = @now
        FROM picked WHERE {JobsTable}.id = picked.picked_id
        RETURNING {ClaimedJobColumns};
        """;

    public Task<IReadOnlyList<Job>> ClaimAsync(string kind, int max, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<Job>>(async (scope, token) =>
        {
            var connection = scope.Connection;
            var claimed = await ClaimHeadsAsync(connection, kind, max, owner, now, lease, token);
            if (claimed.Count == 0)
            {
                return claimed;
            }

            var clashing = await ClashingClaimsAsync(connection, claimed, token);
            if (clashing.Count == 0)
            {
                return claimed;
            }

            await using var undo = new NpgsqlCommand($"""
                UPDATE {JobsTable} SET status = '{Pending}', attempts = attempts - 1, lease_owner = NULL, lease_expires_at = NULL
                WHERE id = ANY(@ids);
                """, connection);
            undo.Parameters.AddWithValue("ids", clashing.ToArray());
            await undo.ExecuteNonQueryAsync(token);
            return [.. claimed.Where(j => !clashing.Contains(j.Id))];
        }, cancellationToken);

    private static async Task<List<Job>> ClaimHeadsAsync(NpgsqlConnection connection, string kind, int max, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ClaimHeadsSql, connection);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
        command.Parameters.AddWithValue("until", DbTime.ToUtcDateTime(now + lease));
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<Job>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new Job(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        jobs.Sort((a, b) => a.Id.CompareTo(b.Id));
        return jobs;
    }

    /// <summary>
    /// The claim's snapshot can miss a same-key job that another instance is claiming at this very moment (possible when
    /// that job's insert committed out of id order). Claims of one key take turns on an advisory lock and then look again
    /// with a fresh snapshot: a claimed job whose key already has another running job is handed back.
    /// </summary>
    private static async Task<HashSet<long>> ClashingClaimsAsync(NpgsqlConnection connection, List<Job> claimed, CancellationToken cancellationToken)
    {
        await using (var lockKeys = new NpgsqlCommand("""
            SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest(@keys) AS k ORDER BY 1) AS keys;
            """, connection))
        {
            lockKeys.Parameters.AddWithValue("keys", claimed.Select(j => j.Key).ToArray());
            await lockKeys.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var check = new NpgsqlCommand($"""
            SELECT j.id FROM {JobsTable} j
            WHERE j.id = ANY(@ids)
              AND EXISTS (SELECT 1 FROM {JobsTable} e WHERE e.key = j.key AND e.id <> j.id AND e.status = '{Running}');
            """, connection);
        check.Parameters.AddWithValue("ids", claimed.Select(j => j.Id).ToArray());
        return await ReadIdsAsync(check, cancellationToken);
    }

    public Task<bool> CompleteAsync(long jobId, string owner, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async (scope, token) =>
        {
            await using var command = scope.Command(SharedSql.CompleteJob);
            AddOwnedJob(command, jobId, owner, now);
            if (await command.ExecuteNonQueryAsync(token) == 0)
            {
                return false;
            }

            await scope.InsertJobsAsync(followUps, now, token);
            return true;
        }, cancellationToken);

    public async Task<bool> RescheduleAsync(long jobId, string owner, DateTimeOffset nextAttemptAt, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SharedSql.RescheduleJob);
        AddOwnedJob(command, jobId, owner, now);
        command.Parameters.AddWithValue("due", DbTime.ToUtcDateTime(nextAttemptAt));
        command.Parameters.AddWithValue("error", error);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> DeadLetterAsync(long jobId, string owner, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand($"""
            WITH dead AS (
                UPDATE {JobsTable}
                SET status = '{Dead}', last_error = @error, lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
                WHERE id = @id AND status = '{Running}' AND lease_owner = @owner
                RETURNING id, attempts)
            INSERT INTO {DeadLettersTable} (job_id, attempts, error, dead_at)
            SELECT id, attempts, @error, @now FROM dead;
            """);
        AddOwnedJob(command, jobId, owner, now);
        command.Parameters.AddWithValue("error", error);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ReleaseAsync(IReadOnlyList<long> jobIds, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (jobIds.Count == 0)
        {
            return;
        }

        await using var command = CreateCommand($"""
            UPDATE {JobsTable}
            SET status = '{Pending}', next_attempt_at = @now,
                lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
            WHERE id = ANY(@ids) AND status = '{Running}' AND lease_owner = @owner;
            """);
        command.Parameters.AddWithValue("ids", jobIds.ToArray());
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<long>> ExtendLeasesAsync(IReadOnlyList<long> jobIds, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        if (jobIds.Count == 0)
        {
            return [];
        }

        await using var command = CreateCommand($"""
            UPDATE {JobsTable} SET lease_expires_at = @until
            WHERE id = ANY(@ids) AND status = '{Running}' AND lease_owner = @owner
            RETURNING id;
            """);
        command.Parameters.AddWithValue("ids", jobIds.ToArray());
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("until", DbTime.ToUtcDateTime(leaseUntil));
        var held = await ReadIdsAsync(command, cancellationToken);
        return [.. jobIds.Where(id => !held.Contains(id))];
    }

    public async Task<bool> ReplayAsync(long jobId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ReplayAsync("id = @id", jobId, now, cancellationToken) == 1;

    public Task<int> ReplayAllDeadAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ReplayAsync("true", null, now, cancellationToken);

    public async Task<IReadOnlyList<JobSummary>> ListAsync(JobStatus? status, int limit, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(status is null ? SharedSql.ListJobs : SharedSql.ListJobsByStatus);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("status", status?.ToString() ?? string.Empty);
        return await ReadSummariesAsync(command, cancellationToken);
    }

    public async Task<JobSummary?> GetAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SharedSql.GetJob);
        command.Parameters.AddWithValue("id", jobId);
        return (await ReadSummariesAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<JobCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SharedSql.CountJobsByStatus);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return JobCountsReader.From(counts);
    }

    public async Task<long> CountPendingFailingWithAsync(string errorPrefix, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SharedSql.CountPendingFailingWith);
        command.Parameters.AddWithValue("prefix", SharedSql.LikePrefix(errorPrefix));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<DateTimeOffset?> NextDueAsync(string kind, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SharedSql.NextDue);
        command.Parameters.AddWithValue("kind", kind);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
    }

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SharedSql.ListDeadLetters);
        command.Parameters.AddWithValue("id", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(
                reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return letters;
    }

    /// <summary>Dead jobs matching <paramref name="filter"/> back to pending; their kinds are noted on the scope, to wake them.</summary>
    private Task<int> ReplayAsync(string filter, long? jobId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async (scope, token) =>
        {
            await using var command = scope.Command($"""
                WITH replayed AS (
                    UPDATE {JobsTable} SET status = '{Pending}', attempts = 0, next_attempt_at = @now, updated_at = @now
                    WHERE status = '{Dead}' AND {filter}
                    RETURNING id, kind),
                letters AS (
                    UPDATE {DeadLettersTable} SET replayed_at = @now
                    WHERE replayed_at IS NULL AND job_id IN (SELECT id FROM replayed))
                SELECT kind FROM replayed;
                """);
            command.Parameters.AddWithValue("id", jobId ?? 0);
            command.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
            var replayed = 0;
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                replayed++;
                scope.Stored.Add(reader.GetString(0));
            }

            return replayed;
        }, cancellationToken);

    private static void AddOwnedJob(NpgsqlCommand command, long jobId, string owner, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
    }

    private static async Task<HashSet<long>> ReadIdsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static async Task<List<JobSummary>> ReadSummariesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<JobSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = Enum.Parse<JobStatus>(reader.GetString(3));
            jobs.Add(new JobSummary(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), status, reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6),
                status == JobStatus.Pending ? reader.GetFieldValue<DateTimeOffset>(7) : null,
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetInt64(12)));
        }

        return jobs;
    }
}
