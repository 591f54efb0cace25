using System.Collections.Concurrent;

namespace ContractBridge.Engine.Jobs;

/// <summary>
/// The batch a handler sees. Each job's outcome is recorded once: the first report wins, and whatever is left when the
/// handler returns (or when shutdown releases the batch) is taken in one step, so a late report cannot race it.
/// </summary>
internal sealed class ClaimedBatch : JobBatch
{
    private readonly HashSet<long> ids;
    private readonly ConcurrentDictionary<long, bool> reported = new();
    private readonly JobOutcomeRecorder recorder;

    public ClaimedBatch(IReadOnlyList<Job> jobs, JobOutcomeRecorder recorder)
    {
        Jobs = jobs;
        ids = [.. jobs.Select(j => j.Id)];
        this.recorder = recorder;
    }

    public override IReadOnlyList<Job> Jobs { get; }

    /// <summary>Jobs whose outcome is not recorded yet: the ones whose leases the heartbeat keeps alive.</summary>
    public IReadOnlyList<long> UnreportedIds => [.. Jobs.Where(j => !reported.ContainsKey(j.Id)).Select(j => j.Id)];

    public override async Task CompleteAsync(Job job, JobResult result, CancellationToken cancellationToken = default)
    {
        if (!ids.Contains(job.Id))
        {
            throw new ArgumentException($"Job {job.Id} is not part of this batch.", nameof(job));
        }

        if (!reported.TryAdd(job.Id, true))
        {
            return;
        }

        try
        {
            // Not the caller's token: an outcome the handler has decided must be recorded, even during shutdown.
            await recorder.RecordAsync(job, result);
        }
        catch
        {
            // Not recorded: leave it to the fallback (retry) or to lease expiry, never to silence.
            reported.TryRemove(job.Id, out _);
            throw;
        }
    }

    /// <summary>Marks every unreported job as handled here and returns them; later reports for them are ignored.</summary>
    public IReadOnlyList<Job> TakeUnreported() => [.. Jobs.Where(j => reported.TryAdd(j.Id, true))];
}
