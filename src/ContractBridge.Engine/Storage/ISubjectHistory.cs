using ContractBridge.Engine.Jobs;

namespace ContractBridge.Engine.Storage;

/// <summary>
/// What was done about a subject (<see cref="NewJob.Subject"/>): its jobs and the events that stored them, newest first,
/// a page at a time (<c>beforeId</c>: the smallest id of the page before, <see cref="long.MaxValue"/> for the first).
/// Every read runs on the jobs' subject index, so a subject's history costs the same however many jobs others have.
/// Succeeded jobs leave with retention (<c>Jobs:Retention</c>), and so do the events none of whose jobs is left.
/// </summary>
public interface ISubjectHistory
{
    Task<IReadOnlyList<JobSummary>> ListJobsBySubjectsAsync(IReadOnlyCollection<string> subjects, long beforeId, int limit, CancellationToken cancellationToken);

    /// <summary>The received events that stored a job about one of <paramref name="subjects"/>.</summary>
    Task<IReadOnlyList<StoredEvent>> ListEventsBySubjectsAsync(IReadOnlyCollection<string> subjects, long beforeId, int limit, CancellationToken cancellationToken);

    /// <summary>The subjects of the jobs each of these events stored (an event about several deals names each), in one read.</summary>
    Task<IReadOnlyList<EventSubject>> ListEventSubjectsAsync(IReadOnlyCollection<long> eventIds, CancellationToken cancellationToken);
}
