namespace ContractBridge.Engine.Jobs;

/// <summary>
/// The batch a handler sees. Each job's outcome is recorded once: the first report wins, and whatever is left when the
/// handler returns, or when shutdown gives the batch back, is settled in one step, so a late report cannot race it.
/// Every store write the batch starts is tracked, so shutdown can wait for them before the store is closed.
/// </summary>
internal sealed class ClaimedBatch : JobBatch
{
    private readonly Lock gate = new();
    private readonly HashSet<long> ids;
    private readonly HashSet<long> settled = [];
    private readonly List<Task> writes = [];
    private readonly JobOutcomeRecorder recorder;

    public ClaimedBatch(IReadOnlyList<Job> jobs, JobOutcomeRecorder recorder)
    {
        Jobs = jobs;
        ids = [.. jobs.Select(j => j.Id)];
        this.recorder = recorder;
    }

    public override IReadOnlyList<Job> Jobs { get; }

    /// <summary>Jobs whose outcome is not recorded yet: the ones whose leases the heartbeat keeps alive.</summary>
    public IReadOnlyList<long> UnsettledIds
    {
        get
        {
            lock (gate)
            {
                return [.. ids.Where(id => !settled.Contains(id))];
            }
        }
    }

    public override async Task CompleteAsync(Job job, JobResult result, CancellationToken cancellationToken = default)
    {
        if (!ids.Contains(job.Id))
        {
            throw new ArgumentException($"Job {job.Id} is not part of this batch.", nameof(job));
        }

        Task write;
        lock (gate)
        {
            if (!settled.Add(job.Id))
            {
                return;
            }

            // Not the caller's token: an outcome the handler has decided must be recorded, even during shutdown.
            write = recorder.RecordAsync(job, result);
            writes.Add(write);
        }

        try
        {
            await write;
        }
        catch
        {
            lock (gate)
            {
                // Not recorded: leave it to the fallback (retry) or to lease expiry, never to silence.
                settled.Remove(job.Id);
            }

            throw;
        }
    }

    /// <summary>Settles every job not reported yet with <paramref name="settle"/>; later reports for them are ignored.</summary>
    public Task SettleRestAsync(Func<IReadOnlyList<Job>, Task> settle)
    {
        lock (gate)
        {
            var rest = Jobs.Where(j => settled.Add(j.Id)).ToList();
            if (rest.Count == 0)
            {
                return Task.CompletedTask;
            }

            var write = settle(rest);
            writes.Add(write);
            return write;
        }
    }

    /// <summary>Completes when every store write this batch started has finished (failures are the writers' to log).</summary>
    public async Task WritesFinishedAsync()
    {
        Task[] started;
        lock (gate)
        {
            started = [.. writes];
        }

        try
        {
            await Task.WhenAll(started);
        }
        catch
        {
            // Already reported where they were awaited.
        }
    }
}
