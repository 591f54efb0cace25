namespace ContractBridge.Engine.Jobs;

/// <summary>
/// The batch a handler sees. Each job's outcome is recorded once: the first report wins, and whatever is left when the
/// handler returns, or when shutdown gives the batch back, is settled in one step, so a late report cannot race it.
/// Every store write the batch starts is tracked, so shutdown can wait for them before the store is closed. Each job's
/// span ends when its outcome is recorded, and its follow-ups continue its trace (<see cref="BatchSpans"/>).
/// </summary>
internal sealed class ClaimedBatch : JobBatch
{
    private readonly Lock gate = new();
    private readonly HashSet<long> ids;
    private readonly HashSet<long> settled = [];
    private readonly List<Task> writes = [];
    private readonly JobOutcomeRecorder recorder;

    public ClaimedBatch(IReadOnlyList<Job> jobs, JobOutcomeRecorder recorder, BatchSpans spans)
    {
        Jobs = jobs;
        ids = [.. jobs.Select(j => j.Id)];
        this.recorder = recorder;
        Spans = spans;
    }

    public override IReadOnlyList<Job> Jobs { get; }

    public BatchSpans Spans { get; }

    public override IDisposable EnterSpanOf(Job job) => CurrentSpanScope.Enter(Spans.Of(job));

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
            result = Spans.Continuing(job, result);
            write = recorder.RecordAsync(job, result);
            writes.Add(write);
        }

        try
        {
            await write;
            Spans.End(job, result);
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

    /// <summary>
    /// Settles every job not reported yet with <paramref name="settle"/>; later reports for them are ignored. Their spans
    /// end with <paramref name="outcome"/> (null: given back unfinished) once the write succeeds.
    /// </summary>
    public Task SettleRestAsync(Func<IReadOnlyList<Job>, Task> settle, JobResult? outcome)
    {
        lock (gate)
        {
            var rest = Jobs.Where(j => settled.Add(j.Id)).ToList();
            if (rest.Count == 0)
            {
                return Task.CompletedTask;
            }

            var write = EndSpansAfterAsync(settle(rest), rest, outcome);
            writes.Add(write);
            return write;
        }
    }

    private async Task EndSpansAfterAsync(Task write, List<Job> rest, JobResult? outcome)
    {
        await write;
        rest.ForEach(job => Spans.End(job, outcome));
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
