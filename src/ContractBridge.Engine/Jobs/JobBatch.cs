namespace ContractBridge.Engine.Jobs;

/// <summary>
/// Jobs claimed together, and the way a handler reports each one's outcome. Reporting is durable when the returned task
/// completes (the outcome and its follow-up jobs are committed in one transaction); a job reported twice keeps the first.
/// </summary>
public abstract class JobBatch
{
    public abstract IReadOnlyList<Job> Jobs { get; }

    public abstract Task CompleteAsync(Job job, JobResult result, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="job"/>'s span the current one until disposed, so what a handler does for this job alone
    /// (its upstream calls, the jobs its own store writes start) belongs to the job's trace rather than the batch's.
    /// Call it in the async method doing that job's work; a batch without spans (tracing off, a test's) changes nothing.
    /// </summary>
    public virtual IDisposable EnterSpanOf(Job job) => CurrentSpanScope.Enter(null);
}
