using static ContractBridge.Engine.Storage.StoreSchema;

namespace ContractBridge.Engine.Storage;

/// <summary>
/// Statements both dialects run word for word. Parameters are named <c>@name</c> in both; the dialect files bind them
/// with their own types (SQLite: INTEGER microseconds, PostgreSQL: timestamptz).
/// </summary>
internal static class SharedSql
{
    /// <summary>
    /// A job of <c>@kind</c> is claimable when it is due and the head of its key: no other job of that key is running and
    /// none stored before it is pending. "Any other running" (not only earlier ones) matters on PostgreSQL: two
    /// transactions can commit same-key jobs out of id order, and a late-committed earlier job must still wait for the
    /// later one that runs.
    /// </summary>
    public const string ClaimableHeads = $"""
        j.kind = @kind AND j.status IN ('{Pending}', '{Running}')
        AND NOT EXISTS (
            SELECT 1 FROM {JobsTable} e
            WHERE e.key = j.key AND e.id <> j.id AND e.status IN ('{Pending}', '{Running}')
              AND (e.status = '{Running}' OR e.id < j.id))
        """;

    /// <summary>
    /// When job <c>j</c> can next be claimed: a pending job when due; a running one when its lease expires or, sooner,
    /// once its owner's instance row says the owner is no longer alive (it stopped beating: killed, hung, cut off). An
    /// owner without a row (an engine not yet registered, or a caller claiming without an engine) is judged by its lease
    /// alone. Both instants were written by the instance that holds them, from its own clock, and are compared with the
    /// claimer's <c>@now</c>, as leases always were.
    /// </summary>
    public const string DueAt = $"""
        CASE WHEN j.status = '{Pending}' THEN j.next_attempt_at
             ELSE COALESCE(
                 (SELECT i.alive_until FROM {EngineInstancesTable} i
                  WHERE i.instance_id = j.lease_owner AND i.alive_until < j.lease_expires_at),
                 j.lease_expires_at) END
        """;

    /// <summary>
    /// Job <c>j</c> is due for <c>@owner</c> at <c>@now</c>. An instance takes back its own running jobs only when their
    /// lease expired, never because its own beats were late (they still run in its batches).
    /// </summary>
    public const string DueForOwner = $"""
        {DueAt} <= @now
        AND (j.status = '{Pending}' OR j.lease_owner <> @owner OR j.lease_expires_at <= @now)
        """;

    public const string NextDue = $"SELECT MIN({DueAt}) FROM {JobsTable} j WHERE {ClaimableHeads};";

    public const string CompleteJob = $"""
        UPDATE {JobsTable} SET status = '{Succeeded}', lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
        WHERE id = @id AND status = '{Running}' AND lease_owner = @owner;
        """;

    public const string RescheduleJob = $"""
        UPDATE {JobsTable}
        SET status = '{Pending}', next_attempt_at = @due, last_error = @error,
            lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
        WHERE id = @id AND status = '{Running}' AND lease_owner = @owner;
        """;

    public const string ListJobs = $"SELECT {JobSummaryColumns} FROM {JobsTable} ORDER BY id DESC LIMIT @limit;";

    public const string ListJobsByStatus = $"SELECT {JobSummaryColumns} FROM {JobsTable} WHERE status = @status ORDER BY id DESC LIMIT @limit;";

    public const string GetJob = $"SELECT {JobSummaryColumns} FROM {JobsTable} WHERE id = @id;";

    public const string CountJobsByStatus = $"SELECT status, COUNT(*) FROM {JobsTable} GROUP BY status;";

    /// <summary>Pending jobs whose last error begins with @prefix (LIKE wildcards in it escaped by the caller).</summary>
    public const string CountPendingFailingWith = $"SELECT COUNT(*) FROM {JobsTable} WHERE status = '{Pending}' AND last_error LIKE @prefix ESCAPE '\\';";

    public const string ListDeadLetters = $"SELECT {DeadLetterColumns} FROM {DeadLettersTable} WHERE job_id = @id ORDER BY id;";

    public const string ListRecentEvents = $"SELECT {StoredEventColumns} FROM {ReceivedEventsTable} ORDER BY id DESC LIMIT @limit;";

    public const string CountEvents = $"SELECT COUNT(*) FROM {ReceivedEventsTable};";

    public const string GetValue = $"SELECT value FROM {KeyValuesTable} WHERE key = @key;";

    public const string SetValue = $"""
        INSERT INTO {KeyValuesTable} (key, value, updated_at) VALUES (@key, @value, @now)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
        """;

    public const string SetValueIfAbsent = $"INSERT INTO {KeyValuesTable} (key, value, updated_at) VALUES (@key, @value, @now) ON CONFLICT (key) DO NOTHING;";

    public const string ReplaceValue = $"UPDATE {KeyValuesTable} SET value = @value, updated_at = @now WHERE key = @key AND value = @expected;";

    /// <summary>Takes the lease when it is free, expired, or already the caller's.</summary>
    public const string AcquireLease = $"""
        INSERT INTO {NamedLeasesTable} (name, owner, expires_at) VALUES (@name, @owner, @until)
        ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
        WHERE {NamedLeasesTable}.expires_at <= @now OR {NamedLeasesTable}.owner = excluded.owner;
        """;

    public const string ReleaseLease = $"DELETE FROM {NamedLeasesTable} WHERE name = @name AND owner = @owner;";

    /// <summary>An engine starting: its row is made, or renewed with a new start time when a restart reuses its id.</summary>
    public const string RegisterInstance = $"""
        INSERT INTO {EngineInstancesTable} (instance_id, started_at, beat_at, alive_until) VALUES (@id, @now, @now, @until)
        ON CONFLICT (instance_id) DO UPDATE
        SET started_at = excluded.started_at, beat_at = excluded.beat_at, alive_until = excluded.alive_until;
        """;

    /// <summary>A beat; it makes the row again if housekeeping deleted it while the instance was silent.</summary>
    public const string BeatInstance = $"""
        INSERT INTO {EngineInstancesTable} (instance_id, started_at, beat_at, alive_until) VALUES (@id, @now, @now, @until)
        ON CONFLICT (instance_id) DO UPDATE SET beat_at = excluded.beat_at, alive_until = excluded.alive_until;
        """;

    public const string RemoveInstance = $"DELETE FROM {EngineInstancesTable} WHERE instance_id = @id;";

    /// <summary>
    /// Rows of instances silent since before <c>@cutoff</c> that hold no running job. A row that still owns running jobs
    /// is kept: it is what lets another instance take them over before their leases expire.
    /// </summary>
    public const string ForgetSilentInstances = $"""
        DELETE FROM {EngineInstancesTable}
        WHERE beat_at < @cutoff AND NOT EXISTS (
            SELECT 1 FROM {JobsTable} WHERE {JobsTable}.status = '{Running}' AND {JobsTable}.lease_owner = {EngineInstancesTable}.instance_id);
        """;

    /// <summary>
    /// Retention, a batch of at most <c>@batch</c> rows to a transaction so that a year's backlog never holds the one
    /// writer for long: the dead-letter history of a batch of old succeeded jobs, then those jobs (the same batch: the
    /// same ordered selection in the same transaction), and, once no job is left to delete, batches of the events none
    /// of whose jobs is left.
    /// </summary>
    private const string PurgeableJobs = $"SELECT id FROM {JobsTable} WHERE status = '{Succeeded}' AND updated_at < @cutoff ORDER BY id LIMIT @batch";

    public const string PurgeDeadLetters = $"DELETE FROM {DeadLettersTable} WHERE job_id IN ({PurgeableJobs});";

    public const string PurgeJobs = $"DELETE FROM {JobsTable} WHERE id IN ({PurgeableJobs});";

    public const string PurgeEvents = $"""
        DELETE FROM {ReceivedEventsTable} WHERE id IN (
            SELECT id FROM {ReceivedEventsTable}
            WHERE received_at < @cutoff AND NOT EXISTS (SELECT 1 FROM {JobsTable} WHERE {JobsTable}.event_id = {ReceivedEventsTable}.id)
            ORDER BY id LIMIT @batch);
        """;

    /// <summary>Rows one retention transaction deletes at most.</summary>
    public const int PurgeBatch = 5_000;

    /// <summary>A LIKE pattern matching what begins with <paramref name="prefix"/>, its wildcards taken literally.</summary>
    public static string LikePrefix(string prefix) =>
        prefix.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
