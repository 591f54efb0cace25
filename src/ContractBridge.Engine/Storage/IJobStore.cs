using ContractBridge.Engine.Jobs;

namespace ContractBridge.Engine.Storage;

/// <summary>
/// The durable job queue. A job is claimable when it is pending and due, or running with an expired lease, or running
/// for another instance whose row in <see cref="IEngineInstances"/> says it is no longer alive (its instance died: the
/// lease is the backstop), and it heads its key: no other job with the same key is running and none stored before it is pending (a
/// pending retry holds back the jobs after it). Same-key jobs therefore run one at a time, in the order stored, whatever
/// their kinds. Dead jobs hold nothing back; a replayed job takes its original place again.
/// </summary>
public interface IJobStore
{
    /// <summary>
    /// Tells <paramref name="observer"/> of every transaction this store commits that stored jobs (enqueued, follow-ups,
    /// replayed, or inserted by a service's own write), after the commit. Dispose the result to stop.
    /// </summary>
    IDisposable ObserveCommittedJobs(IJobsCommittedObserver observer);

    Task EnqueueAsync(IReadOnlyList<NewJob> jobs, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> jobs of <paramref name="kind"/> for <paramref name="owner"/>, counting an attempt each.</summary>
    Task<IReadOnlyList<Job>> ClaimAsync(string kind, int max, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the job succeeded and stores its follow-ups, in one transaction. False if <paramref name="owner"/> no longer holds it.</summary>
    Task<bool> CompleteAsync(long jobId, string owner, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Back to pending, due at <paramref name="nextAttemptAt"/>, with the error kept. False if the lease was lost.</summary>
    Task<bool> RescheduleAsync(long jobId, string owner, DateTimeOffset nextAttemptAt, string error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Moves the job to dead letters with the error. False if the lease was lost.</summary>
    Task<bool> DeadLetterAsync(long jobId, string owner, string error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Returns claimed jobs to pending (graceful shutdown). The attempt stays counted: the handler may have begun the
    /// job's effects (a note sent, its answer not yet read), and a job on its second attempt checks for them first.
    /// </summary>
    Task ReleaseAsync(IReadOnlyList<long> jobIds, string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Extends the leases <paramref name="owner"/> still holds; returns the ids it no longer holds.</summary>
    Task<IReadOnlyList<long>> ExtendLeasesAsync(IReadOnlyList<long> jobIds, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>A dead job back to pending, attempts reset. False if there is no dead job with that id.</summary>
    Task<bool> ReplayAsync(long jobId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every dead job back to pending; returns how many.</summary>
    Task<int> ReplayAllDeadAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Each time job <paramref name="jobId"/> went to dead letters, oldest first, with the error and whether it was replayed.</summary>
    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="status"/> null lists all.</summary>
    Task<IReadOnlyList<JobSummary>> ListAsync(JobStatus? status, int limit, CancellationToken cancellationToken);

    Task<JobSummary?> GetAsync(long jobId, CancellationToken cancellationToken);

    Task<JobCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// How many pending jobs last failed with an error beginning with <paramref name="errorPrefix"/>: what waits on a
    /// service, when every error of that service begins with its name.
    /// </summary>
    Task<long> CountPendingFailingWithAsync(string errorPrefix, CancellationToken cancellationToken);

    /// <summary>The earliest time a pending job of <paramref name="kind"/> becomes due, or null; lets workers sleep precisely.</summary>
    Task<DateTimeOffset?> NextDueAsync(string kind, CancellationToken cancellationToken);
}
