using System.Collections.Concurrent;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Observability;

/// <summary>
/// The job engine's view of the store, with one addition: when a claimed job reaches its outcome (succeeded or dead),
/// the time from the job's creation to that outcome goes to <see cref="BridgeMetrics.JobDuration"/>, by kind and
/// outcome. It sits between the engine and the store so the engine itself needs no metrics code; everything else
/// passes straight through.
/// </summary>
public sealed class JobLatencyRecorder(IJobStore inner, BridgeMetrics metrics, TimeProvider time) : IJobStore
{
    /// <summary>Jobs this instance claimed and has not settled; a bound keeps leases lost to other instances from piling up.</summary>
    private const int MostTracked = 50_000;

    private readonly ConcurrentDictionary<long, (string Kind, DateTimeOffset CreatedAt)> _claimed = new();

    public async Task<IReadOnlyList<Job>> ClaimAsync(string kind, int max, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var jobs = await inner.ClaimAsync(kind, max, owner, now, lease, cancellationToken);
        if (_claimed.Count > MostTracked)
        {
            _claimed.Clear();
        }

        foreach (var job in jobs)
        {
            _claimed[job.Id] = (job.Kind, job.CreatedAt);
        }

        return jobs;
    }

    public async Task<bool> CompleteAsync(long jobId, string owner, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = await inner.CompleteAsync(jobId, owner, followUps, now, cancellationToken);
        Settle(jobId, held ? "succeeded" : null);
        return held;
    }

    public async Task<bool> DeadLetterAsync(long jobId, string owner, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = await inner.DeadLetterAsync(jobId, owner, error, now, cancellationToken);
        Settle(jobId, held ? "dead" : null);
        return held;
    }

    public async Task<bool> RescheduleAsync(long jobId, string owner, DateTimeOffset nextAttemptAt, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = await inner.RescheduleAsync(jobId, owner, nextAttemptAt, error, now, cancellationToken);
        Settle(jobId, null);
        return held;
    }

    public async Task ReleaseAsync(IReadOnlyList<long> jobIds, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await inner.ReleaseAsync(jobIds, owner, now, cancellationToken);
        foreach (var id in jobIds)
        {
            Settle(id, null);
        }
    }

    public IDisposable ObserveCommittedJobs(IJobsCommittedObserver observer) => inner.ObserveCommittedJobs(observer);

    public Task EnqueueAsync(IReadOnlyList<NewJob> jobs, DateTimeOffset now, CancellationToken cancellationToken) => inner.EnqueueAsync(jobs, now, cancellationToken);

    public Task<IReadOnlyList<long>> ExtendLeasesAsync(IReadOnlyList<long> jobIds, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        inner.ExtendLeasesAsync(jobIds, owner, leaseUntil, cancellationToken);

    public Task<bool> ReplayAsync(long jobId, DateTimeOffset now, CancellationToken cancellationToken) => inner.ReplayAsync(jobId, now, cancellationToken);

    public Task<int> ReplayAllDeadAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.ReplayAllDeadAsync(now, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(long jobId, CancellationToken cancellationToken) => inner.ListDeadLettersAsync(jobId, cancellationToken);

    public Task<IReadOnlyList<JobSummary>> ListAsync(JobStatus? status, int limit, CancellationToken cancellationToken) => inner.ListAsync(status, limit, cancellationToken);

    public Task<JobSummary?> GetAsync(long jobId, CancellationToken cancellationToken) => inner.GetAsync(jobId, cancellationToken);

    public Task<JobCounts> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);

    public Task<long> CountPendingFailingWithAsync(string errorPrefix, CancellationToken cancellationToken) =>
        inner.CountPendingFailingWithAsync(errorPrefix, cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(string kind, CancellationToken cancellationToken) => inner.NextDueAsync(kind, cancellationToken);

    /// <summary>Forgets the job; records its latency when it reached an outcome this instance wrote.</summary>
    private void Settle(long jobId, string? outcome)
    {
        if (_claimed.TryRemove(jobId, out var claimed) && outcome is not null)
        {
            var seconds = Math.Max(0, (time.GetUtcNow() - claimed.CreatedAt).TotalSeconds);
            metrics.JobDuration.Record(seconds, new("kind", claimed.Kind), new("outcome", outcome));
        }
    }
}
