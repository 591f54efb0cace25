using ContractBridge.Engine.Jobs;

namespace ContractBridge.Engine.Storage;

/// <summary>
/// The names both stores give what they have in common (as Wolverine's <c>DatabaseConstants</c>): tables, the column
/// lists their rows are read and written with, and the job statuses as stored. Statements that read the same in both
/// dialects are built from these in <see cref="SharedSql"/>; the dialect files keep only what really differs (types,
/// RETURNING, SKIP LOCKED, arrays, advisory locks).
/// </summary>
internal static class StoreSchema
{
    public const string ReceivedEventsTable = "received_events";
    public const string JobsTable = "jobs";
    public const string DeadLettersTable = "dead_letters";
    public const string KeyValuesTable = "key_values";
    public const string NamedLeasesTable = "named_leases";

    /// <summary>One row per running job engine, kept fresh by its heartbeat: how other instances tell that it died.</summary>
    public const string EngineInstancesTable = "engine_instances";

    /// <summary>The engine's own schema steps applied, one row per version.</summary>
    public const string SchemaVersionTable = "schema_version";

    /// <summary>The schema steps of the services' modules applied, one row per module and version.</summary>
    public const string SchemaModulesTable = "schema_modules";

    public const string Pending = nameof(JobStatus.Pending);
    public const string Running = nameof(JobStatus.Running);
    public const string Succeeded = nameof(JobStatus.Succeeded);
    public const string Dead = nameof(JobStatus.Dead);

    /// <summary>An event as it is stored, in this order.</summary>
    public const string EventInsertColumns = "source, dedupe_key, summary, content_type, payload, received_at, job_count";

    /// <summary>An event as operators list it (<see cref="StoredEvent"/>), in this order.</summary>
    public const string StoredEventColumns = "id, source, dedupe_key, summary, received_at, job_count";

    /// <summary>A job as it is stored, in this order.</summary>
    public const string JobInsertColumns = "kind, key, payload, status, attempts, next_attempt_at, event_id, created_at, updated_at, trace_parent, subject";

    /// <summary>A claimed job (<see cref="Job"/>), in this order.</summary>
    public const string ClaimedJobColumns = "id, kind, key, payload, attempts, created_at, last_error, trace_parent";

    /// <summary>A job as operators list it (<see cref="JobSummary"/>), in this order.</summary>
    public const string JobSummaryColumns =
        "id, kind, key, status, attempts, created_at, updated_at, next_attempt_at, lease_owner, last_error, payload, subject, event_id";

    /// <summary>One trip to dead letters (<see cref="DeadLetter"/>), in this order.</summary>
    public const string DeadLetterColumns = "job_id, attempts, error, dead_at, replayed_at";
}
