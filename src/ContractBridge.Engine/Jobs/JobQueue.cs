using ContractBridge.Engine.Storage;

namespace ContractBridge.Engine.Jobs;

/// <summary>
/// Puts jobs on the queue from inside the service (a reconciler, a dashboard's replay button) and wakes this instance's
/// workers at once. Writing to <see cref="IJobStore"/> directly works too, but then the workers find the jobs at their
/// next poll.
/// </summary>
public sealed class JobQueue(IJobStore store, JobWakeups wakeups, TimeProvider time)
{
    public async Task EnqueueAsync(IReadOnlyList<NewJob> jobs, CancellationToken cancellationToken)
    {
        await store.EnqueueAsync(jobs, time.GetUtcNow(), cancellationToken);
        wakeups.Notify(jobs.Select(j => j.Kind));
    }

    public async Task<bool> ReplayAsync(long jobId, CancellationToken cancellationToken)
    {
        var replayed = await store.ReplayAsync(jobId, time.GetUtcNow(), cancellationToken);
        wakeups.NotifyAll();
        return replayed;
    }

    public async Task<int> ReplayAllDeadAsync(CancellationToken cancellationToken)
    {
        var count = await store.ReplayAllDeadAsync(time.GetUtcNow(), cancellationToken);
        wakeups.NotifyAll();
        return count;
    }
}
