namespace ContractBridge.Engine.Jobs;

/// <summary>
/// Jobs claimed together, and the way a handler reports each one's outcome. Reporting is durable when the returned task
/// completes (the outcome and its follow-up jobs are committed in one transaction); a job reported twice keeps the first.
/// </summary>
public abstract class JobBatch
{
    public abstract IReadOnlyList<Job> Jobs { get; }

    public abstract Task CompleteAsync(Job job, JobResult result, CancellationToken cancellationToken = default);
}
