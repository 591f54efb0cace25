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

    /// <summary>When job <c>j</c> can next be claimed: a pending job when due, a running one when its lease expires.</summary>
    public const string DueAt = $"CASE WHEN j.status = '{Pending}' THEN j.next_attempt_at ELSE j.lease_expires_at END";

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

    /// <summary>Retention, in this order: the dead-letter history of old succeeded jobs, the jobs, then events none of whose jobs is left.</summary>
    public const string PurgeDeadLetters =
        $"DELETE FROM {DeadLettersTable} WHERE job_id IN (SELECT id FROM {JobsTable} WHERE status = '{Succeeded}' AND updated_at < @cutoff);";

    public const string PurgeJobs = $"DELETE FROM {JobsTable} WHERE status = '{Succeeded}' AND updated_at < @cutoff;";

    public const string PurgeEvents = $"""
        DELETE FROM {ReceivedEventsTable}
        WHERE received_at < @cutoff AND NOT EXISTS (SELECT 1 FROM {JobsTable} WHERE {JobsTable}.event_id = {ReceivedEventsTable}.id);
        """;
}
