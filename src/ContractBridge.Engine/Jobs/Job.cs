namespace ContractBridge.Engine.Jobs;

/// <summary>
/// A claimed job, as a handler sees it. <see cref="Attempt"/> is 1 on the first run. <see cref="TraceParent"/> is the
/// W3C traceparent of the span that stored it (null when none was current): the job's span continues that trace.
/// </summary>
public sealed record Job(
    long Id,
    string Kind,
    string Key,
    string Payload,
    int Attempt,
    DateTimeOffset CreatedAt,
    string? LastError,
    string? TraceParent = null);

public enum JobStatus
{
    Pending,
    Running,
    Succeeded,
    Dead,
}

/// <summary>A job as listed for operators (dashboard, CLI). <see cref="EventId"/> is the received event that stored it, if any.</summary>
public sealed record JobSummary(
    long Id,
    string Kind,
    string Key,
    JobStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NextAttemptAt,
    string? LeaseOwner,
    string? LastError,
    string Payload,
    string? Subject = null,
    long? EventId = null);

public sealed record JobCounts(long Pending, long Running, long Succeeded, long Dead);
