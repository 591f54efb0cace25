using ContractBridge.Engine.Jobs;
using Microsoft.Data.Sqlite;
using static ContractBridge.Engine.Storage.StoreSchema;

namespace ContractBridge.Engine.Storage.Sqlite;

public sealed partial class SqliteBridgeStore
{
    /// <summary>One writer: the claimable heads cannot change between the choice and the update, so no row locks are needed.</summary>
    private const string ClaimSql = $"""
        UPDATE {JobsTable}
        SET status = '{Running}', attempts = attempts + 1, lease_owner = @owner, lease_expires_at = @until, updated_at = @now
        WHERE id IN (
            SELECT j.id FROM {JobsTable} j
            WHERE {SharedSql.ClaimableHeads}
              AND {SharedSql.DueForOwner}
            ORDER BY j.id
            LIMIT @max)
        RETURNING {ClaimedJobColumns};
        """;

    public Task<IReadOnlyList<Job>> ClaimAsync(string kind, int max, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<Job>>(scope =>
        {
            using var command = scope.Command(ClaimSql);
            command.Parameters.AddWithValue("@kind", kind);
            command.Parameters.AddWithValue("@owner", owner);
            command.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
            command.Parameters.AddWithValue("@until", DbTime.ToMicroseconds(now + lease));
            command.Parameters.AddWithValue("@max", max);
            using var reader = command.ExecuteReader();
            var jobs = new List<Job>();
            while (reader.Read())
            {
                jobs.Add(new Job(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                    DbTime.FromMicroseconds(reader.GetInt64(5)), reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7)));
            }

            jobs.Sort((a, b) => a.Id.CompareTo(b.Id));
            return jobs;
        }, cancellationToken);

    public Task<bool> CompleteAsync(long jobId, string owner, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(scope =>
        {
            using var command = scope.Command(SharedSql.CompleteJob);
            AddOwnedJob(command, jobId, owner, now);
            if (command.ExecuteNonQuery() == 0)
            {
                return false;
            }

            scope.InsertJobs(followUps, now);
            return true;
        }, cancellationToken);

    public Task<bool> RescheduleAsync(long jobId, string owner, DateTimeOffset nextAttemptAt, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(scope =>
        {
            using var command = scope.Command(SharedSql.RescheduleJob);
            AddOwnedJob(command, jobId, owner, now);
            command.Parameters.AddWithValue("@due", DbTime.ToMicroseconds(nextAttemptAt));
            command.Parameters.AddWithValue("@error", error);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task<bool> DeadLetterAsync(long jobId, string owner, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(scope =>
        {
            using var command = scope.Command($"""
                UPDATE {JobsTable}
                SET status = '{Dead}', last_error = @error, lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
                WHERE id = @id AND status = '{Running}' AND lease_owner = @owner
                RETURNING attempts;
                """);
            AddOwnedJob(command, jobId, owner, now);
            command.Parameters.AddWithValue("@error", error);
            if (command.ExecuteScalar() is not long attempts)
            {
                return false;
            }

            using var letter = scope.Command($"""
                INSERT INTO {DeadLettersTable} (job_id, attempts, error, dead_at) VALUES (@id, @attempts, @error, @now);
                """);
            letter.Parameters.AddWithValue("@id", jobId);
            letter.Parameters.AddWithValue("@attempts", attempts);
            letter.Parameters.AddWithValue("@error", error);
            letter.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
            letter.ExecuteNonQuery();
            return true;
        }, cancellationToken);

    public Task ReleaseAsync(IReadOnlyList<long> jobIds, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        jobIds.Count == 0 ? Task.CompletedTask : WriteAsync(scope =>
        {
            using var command = scope.Command($"""
                UPDATE {JobsTable}
                SET status = '{Pending}', next_attempt_at = @now,
                    lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
                WHERE id IN ({IdList(jobIds)}) AND status = '{Running}' AND lease_owner = @owner;
                """);
            command.Parameters.AddWithValue("@owner", owner);
            command.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public async Task<IReadOnlyList<long>> ExtendLeasesAsync(IReadOnlyList<long> jobIds, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        if (jobIds.Count == 0)
        {
            return [];
        }

        var held = await WriteAsync(scope =>
        {
            using var command = scope.Command($"""
                UPDATE {JobsTable} SET lease_expires_at = @until
                WHERE id IN ({IdList(jobIds)}) AND status = '{Running}' AND lease_owner = @owner
                RETURNING id;
                """);
            command.Parameters.AddWithValue("@owner", owner);
            command.Parameters.AddWithValue("@until", DbTime.ToMicroseconds(leaseUntil));
            return ReadIds(command);
        }, cancellationToken);
        return [.. jobIds.Where(id => !held.Contains(id))];
    }

    public Task<bool> ReplayAsync(long jobId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(scope => Replay(scope, "id = @id", jobId, now) == 1, cancellationToken);

    public Task<int> ReplayAllDeadAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(scope => Replay(scope, "1 = 1", null, now), cancellationToken);

    public Task<IReadOnlyList<JobSummary>> ListAsync(JobStatus? status, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<JobSummary>>(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, status is null ? SharedSql.ListJobs : SharedSql.ListJobsByStatus);
            command.Parameters.AddWithValue("@limit", limit);
            command.Parameters.AddWithValue("@status", status?.ToString() ?? string.Empty);
            return ReadSummaries(command);
        }, cancellationToken);

    public Task<JobSummary?> GetAsync(long jobId, CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, SharedSql.GetJob);
            command.Parameters.AddWithValue("@id", jobId);
            return ReadSummaries(command).SingleOrDefault();
        }, cancellationToken);

    public Task<JobCounts> CountAsync(CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, SharedSql.CountJobsByStatus);
            using var reader = command.ExecuteReader();
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            while (reader.Read())
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }

            return JobCountsReader.From(counts);
        }, cancellationToken);

    public Task<long> CountPendingFailingWithAsync(string errorPrefix, CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, SharedSql.CountPendingFailingWith);
            command.Parameters.AddWithValue("@prefix", SharedSql.LikePrefix(errorPrefix));
            return (long)command.ExecuteScalar()!;
        }, cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(string kind, CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, SharedSql.NextDue);
            command.Parameters.AddWithValue("@kind", kind);
            return command.ExecuteScalar() is long due ? DbTime.FromMicroseconds(due) : (DateTimeOffset?)null;
        }, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(long jobId, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<DeadLetter>>(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, SharedSql.ListDeadLetters);
            command.Parameters.AddWithValue("@id", jobId);
            using var reader = command.ExecuteReader();
            var letters = new List<DeadLetter>();
            while (reader.Read())
            {
                letters.Add(new DeadLetter(
                    reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), DbTime.FromMicroseconds(reader.GetInt64(3)),
                    reader.IsDBNull(4) ? null : DbTime.FromMicroseconds(reader.GetInt64(4))));
            }

            return letters;
        }, cancellationToken);

    /// <summary>Dead jobs matching <paramref name="filter"/> back to pending; their kinds are noted on the scope, to wake them.</summary>
    private static int Replay(SqliteWriteScope scope, string filter, long? jobId, DateTimeOffset now)
    {
        using var command = scope.Command($"""
            UPDATE {JobsTable} SET status = '{Pending}', attempts = 0, next_attempt_at = @now, updated_at = @now
            WHERE status = '{Dead}' AND {filter}
            RETURNING id, kind;
            """);
        command.Parameters.AddWithValue("@id", jobId ?? 0);
        command.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
        var replayed = new List<long>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                replayed.Add(reader.GetInt64(0));
                scope.Stored.Add(reader.GetString(1));
            }
        }

        if (replayed.Count > 0)
        {
            using var letters = scope.Command($"""
                UPDATE {DeadLettersTable} SET replayed_at = @now WHERE replayed_at IS NULL AND job_id IN ({IdList(replayed)});
                """);
            letters.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
            letters.ExecuteNonQuery();
        }

        return replayed.Count;
    }

    private static void AddOwnedJob(SqliteCommand command, long jobId, string owner, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("@id", jobId);
        command.Parameters.AddWithValue("@owner", owner);
        command.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
    }

    /// <summary>Ids are longs from our own rows, so inlining them is safe and avoids one parameter per id.</summary>
    private static string IdList(IEnumerable<long> ids) =>
        string.Join(',', ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static HashSet<long> ReadIds(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var ids = new HashSet<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static List<JobSummary> ReadSummaries(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var jobs = new List<JobSummary>();
        while (reader.Read())
        {
            var status = Enum.Parse<JobStatus>(reader.GetString(3));
            jobs.Add(new JobSummary(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), status, reader.GetInt32(4),
                DbTime.FromMicroseconds(reader.GetInt64(5)), DbTime.FromMicroseconds(reader.GetInt64(6)),
                status == JobStatus.Pending ? DbTime.FromMicroseconds(reader.GetInt64(7)) : null,
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetInt64(12)));
        }

        return jobs;
    }
}
