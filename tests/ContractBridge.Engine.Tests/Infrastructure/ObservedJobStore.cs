using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>
/// Passes every call through to a real store and remembers what tests on a fake clock need to know before they move it
/// on: until when the leases this store's engine holds run, until when its instance row says it is alive, and at what
/// time its engine last claimed. While <see cref="ClaimFault"/> is set, claims fail with it instead, as on a database
/// that refuses writes. <paramref name="inner"/> also keeps the engine's instance row (a real store does both).
/// </summary>
public sealed class ObservedJobStore(IJobStore inner) : IJobStore, IEngineInstances
{
    private readonly Lock gate = new();
    private readonly IEngineInstances instances = (IEngineInstances)inner;
    private DateTimeOffset? heldUntil;
    private DateTimeOffset? aliveUntil;
    private DateTimeOffset? lastClaimAt;

    /// <summary>Thrown by every claim while set.</summary>
    public Exception? ClaimFault { get; set; }

    /// <summary>The end of the lease last taken or renewed through this store; null before any.</summary>
    public DateTimeOffset? HeldUntil
    {
        get
        {
            lock (gate)
            {
                return heldUntil;
            }
        }
    }

    /// <summary>Until when the instance row last written through this store says its engine is alive; null before any.</summary>
    public DateTimeOffset? AliveUntil
    {
        get
        {
            lock (gate)
            {
                return aliveUntil;
            }
        }
    }

    /// <summary>The clock reading of the last claim the store answered; null before any.</summary>
    public DateTimeOffset? LastClaimAt
    {
        get
        {
            lock (gate)
            {
                return lastClaimAt;
            }
        }
    }

    public async Task<IReadOnlyList<Job>> ClaimAsync(string kind, int max, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (ClaimFault is { } fault)
        {
            throw fault;
        }

        var claimed = await inner.ClaimAsync(kind, max, owner, now, lease, cancellationToken);
        lock (gate)
        {
            lastClaimAt = now;
            heldUntil = claimed.Count > 0 ? now + lease : heldUntil;
        }

        return claimed;
    }

    public async Task<IReadOnlyList<long>> ExtendLeasesAsync(IReadOnlyList<long> jobIds, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var lost = await inner.ExtendLeasesAsync(jobIds, owner, leaseUntil, cancellationToken);
        if (lost.Count < jobIds.Count)
        {
            lock (gate)
            {
                heldUntil = leaseUntil;
            }
        }

        return lost;
    }

    public async Task RegisterInstanceAsync(string instanceId, DateTimeOffset now, DateTimeOffset aliveUntil, CancellationToken cancellationToken)
    {
        await instances.RegisterInstanceAsync(instanceId, now, aliveUntil, cancellationToken);
        Alive(aliveUntil);
    }

    public async Task BeatInstanceAsync(string instanceId, DateTimeOffset now, DateTimeOffset aliveUntil, CancellationToken cancellationToken)
    {
        await instances.BeatInstanceAsync(instanceId, now, aliveUntil, cancellationToken);
        Alive(aliveUntil);
    }

    public Task RemoveInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        instances.RemoveInstanceAsync(instanceId, cancellationToken);

    public Task<int> ForgetSilentInstancesAsync(DateTimeOffset silentSince, CancellationToken cancellationToken) =>
        instances.ForgetSilentInstancesAsync(silentSince, cancellationToken);

    public IDisposable ObserveCommittedJobs(IJobsCommittedObserver observer) => inner.ObserveCommittedJobs(observer);

    public Task EnqueueAsync(IReadOnlyList<NewJob> jobs, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.EnqueueAsync(jobs, now, cancellationToken);

    public Task<bool> CompleteAsync(long jobId, string owner, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.CompleteAsync(jobId, owner, followUps, now, cancellationToken);

    public Task<bool> RescheduleAsync(long jobId, string owner, DateTimeOffset nextAttemptAt, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RescheduleAsync(jobId, owner, nextAttemptAt, error, now, cancellationToken);

    public Task<bool> DeadLetterAsync(long jobId, string owner, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.DeadLetterAsync(jobId, owner, error, now, cancellationToken);

    public Task ReleaseAsync(IReadOnlyList<long> jobIds, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(jobIds, owner, now, cancellationToken);

    public Task<bool> ReplayAsync(long jobId, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ReplayAsync(jobId, now, cancellationToken);

    public Task<int> ReplayAllDeadAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ReplayAllDeadAsync(now, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(long jobId, CancellationToken cancellationToken) =>
        inner.ListDeadLettersAsync(jobId, cancellationToken);

    public Task<IReadOnlyList<JobSummary>> ListAsync(JobStatus? status, int limit, CancellationToken cancellationToken) =>
        inner.ListAsync(status, limit, cancellationToken);

    public Task<JobSummary?> GetAsync(long jobId, CancellationToken cancellationToken) =>
        inner.GetAsync(jobId, cancellationToken);

    public Task<JobCounts> CountAsync(CancellationToken cancellationToken) =>
        inner.CountAsync(cancellationToken);

    public Task<long> CountPendingFailingWithAsync(string errorPrefix, CancellationToken cancellationToken) =>
        inner.CountPendingFailingWithAsync(errorPrefix, cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(string kind, CancellationToken cancellationToken) =>
        inner.NextDueAsync(kind, cancellationToken);

    private void Alive(DateTimeOffset until)
    {
        lock (gate)
        {
            aliveUntil = until;
        }
    }
}
