using ContractBridge.Engine.Storage;

namespace ContractBridge.Engine.Jobs;

/// <summary>
/// Puts jobs on the queue from inside the service (a reconciler, a dashboard's replay button) at the service's clock.
/// Like every write that stores jobs, these wake this instance's workers when they commit: the store tells the engine.
/// </summary>
public sealed class JobQueue(IJobStore store, TimeProvider time)
{
    public Task EnqueueAsync(IReadOnlyList<NewJob> jobs, CancellationToken cancellationToken) =>
        store.EnqueueAsync(jobs, time.GetUtcNow(), cancellationToken);

    public Task<bool> ReplayAsync(long jobId, CancellationToken cancellationToken) =>
        store.ReplayAsync(jobId, time.GetUtcNow(), cancellationToken);

    public Task<int> ReplayAllDeadAsync(CancellationToken cancellationToken) =>
        store.ReplayAllDeadAsync(time.GetUtcNow(), cancellationToken);
}
