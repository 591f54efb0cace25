using System.Collections.Concurrent;
using System.Diagnostics;
using ContractBridge.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace ContractBridge.Engine.Jobs;

/// <summary>
/// Claims and runs the jobs of one handler's kind: up to MaxConcurrentBatches batches at a time, each kept leased by a
/// heartbeat while it runs. Sleeps until a wake-up, the next due job, or the poll interval, whichever comes first.
/// Over 300 lines: the claim loop, the heartbeat and the shutdown hand-back share one set of running batches and their
/// locking, and are only correct read together.
/// </summary>
internal sealed partial class KindWorker : IDisposable
{
    private readonly IJobHandler handler;
    private readonly IJobStore store;
    private readonly JobEngineOptions options;
    private readonly JobWakeups wakeups;
    private readonly WakeSignal signal;
    private readonly JobOutcomeRecorder recorder;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentDictionary<ClaimedBatch, Task> running = new();
    private readonly CancellationTokenSource stopClaiming = new();
    private readonly CancellationTokenSource abortHandlers = new();
    private Task claimLoop = Task.CompletedTask;
    private bool lookedAgainAtDueJob;
    private volatile bool lastClaimFailed;

    public KindWorker(IJobHandler handler, IJobStore store, JobEngineOptions options, JobWakeups wakeups, JobOutcomeRecorder recorder, TimeProvider time, ILogger logger)
    {
        this.handler = handler;
        this.store = store;
        this.options = options;
        this.wakeups = wakeups;
        this.recorder = recorder;
        this.time = time;
        this.logger = logger;
        signal = wakeups.SignalFor(handler.Kind);
        slots = new SemaphoreSlim(Math.Max(1, handler.Options.MaxConcurrentBatches));
    }

    public string Kind => handler.Kind;

    public void Start() => claimLoop = Task.Run(ClaimLoopAsync);

    /// <summary>
    /// Null while the claim loop runs and the store answered its last claim; otherwise what is wrong, for a readiness
    /// probe. No exception text: probes answer anyone, and the failed claims are logged.
    /// </summary>
    public string? WhyNotClaiming()
    {
        var loop = claimLoop;
        if (loop.IsCompleted)
        {
            return loop.Exception?.GetBaseException() is { } error
                ? $"the {Kind} worker has stopped claiming jobs ({error.GetType().Name})"
                : $"the {Kind} worker has stopped claiming jobs";
        }

        return lastClaimFailed ? $"the {Kind} worker cannot claim jobs: its last claim failed (see the log)" : null;
    }

    /// <summary>Stops claiming, lets running batches finish within <paramref name="timeout"/>, then releases what is left.</summary>
    public async Task StopAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await stopClaiming.CancelAsync();
        await claimLoop;
        var finished = Task.WhenAll(running.Values);
        try
        {
            await finished.WaitAsync(timeout, time, cancellationToken);
            return;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Fall through: give the rest back.
        }

        // Give back what is left first, then cancel the handlers: whatever they report afterwards is ignored.
        var batches = running.Keys.ToList();
        var released = 0;
        await Task.WhenAll(batches.Select(b => b.SettleRestAsync(rest =>
        {
            Interlocked.Add(ref released, rest.Count);
            return store.ReleaseAsync([.. rest.Select(j => j.Id)], options.InstanceId, time.GetUtcNow(), CancellationToken.None);
        }, outcome: null)));
        await abortHandlers.CancelAsync();
        await Task.WhenAll(batches.Select(b => b.WritesFinishedAsync()));
        Log.Released(logger, released, Kind);
    }

    public void Dispose()
    {
        if (!running.IsEmpty)
        {
            // A handler that ignored cancellation past the shutdown timeout still holds these; leave them to the GC.
            return;
        }

        stopClaiming.Dispose();
        abortHandlers.Dispose();
        slots.Dispose();
    }

    private async Task ClaimLoopAsync()
    {
        var stopping = stopClaiming.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stopping);
                signal.Reset();
                var jobs = await ClaimAsync(stopping);
                if (jobs.Count > 0)
                {
                    lookedAgainAtDueJob = false;
                    StartBatch(jobs);
                    if (jobs.Count < handler.Options.MaxBatchSize)
                    {
                        // The queue is drained: let the next batch gather too, or a steady trickle of jobs (notifications
                        // as a day's work goes on) would be claimed a few at a time, one upstream call each.
                        await GatherAsync(stopping);
                    }

                    continue;
                }

                slots.Release();
                await SleepUntilWorkAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private async Task<IReadOnlyList<Job>> ClaimAsync(CancellationToken stopping)
    {
        try
        {
            var jobs = await store.ClaimAsync(Kind, Math.Max(1, handler.Options.MaxBatchSize), options.InstanceId, time.GetUtcNow(), options.LeaseDuration, stopping);
            lastClaimFailed = false;
            return jobs;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            lastClaimFailed = true;
            Log.ClaimFailed(logger, ex, Kind);
            return [];
        }
        catch (OperationCanceledException)
        {
            slots.Release();
            throw;
        }
    }

    private async Task SleepUntilWorkAsync(CancellationToken stopping)
    {
        var wait = options.PollInterval;
        var now = time.GetUtcNow();
        if (await NextDueAsync(stopping) is { } due)
        {
            if (due <= now && !lookedAgainAtDueJob)
            {
                // It became due while we claimed; look once more. Twice means another instance holds it: poll.
                lookedAgainAtDueJob = true;
                return;
            }

            if (due > now && due - now < wait)
            {
                wait = due - now;
            }
        }

        lookedAgainAtDueJob = false;
        await signal.WaitAsync(wait, time, stopping);
        await GatherAsync(stopping);
    }

    /// <summary>
    /// Lets jobs accumulate for a batch while one of the kind is in flight, as a database's group commit does: for the
    /// handler's Linger, or less once none has arrived for its LingerQuiet. A steady stream fills whole batches; the last
    /// jobs of a burst go as soon as the stream stops; and with nothing of the kind in flight there is nothing to wait
    /// for, so a lone job (one deal moved on a quiet day) is claimed at once instead of waiting out the linger.
    /// </summary>
    private async Task GatherAsync(CancellationToken stopping)
    {
        var (linger, quiet) = (handler.Options.Linger, handler.Options.LingerQuiet);
        if (linger <= TimeSpan.Zero || running.IsEmpty)
        {
            return;
        }

        if (quiet <= TimeSpan.Zero || quiet >= linger)
        {
            await Task.Delay(linger, time, stopping);
            return;
        }

        var deadline = time.GetUtcNow() + linger;
        for (var left = linger; left > TimeSpan.Zero; left = deadline - time.GetUtcNow())
        {
            signal.Reset();
            if (!await signal.WaitAsync(quiet < left ? quiet : left, time, stopping))
            {
                return;
            }
        }
    }

    private async Task<DateTimeOffset?> NextDueAsync(CancellationToken stopping)
    {
        try
        {
            return await store.NextDueAsync(Kind, stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ClaimFailed(logger, ex, Kind);
            return null;
        }
    }

    private void StartBatch(IReadOnlyList<Job> jobs)
    {
        var batch = new ClaimedBatch(jobs, recorder, new BatchSpans(Kind, jobs));
        // The batch is registered before it starts, so it is always seen by StopAsync and removed after it is added.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        running[batch] = RunBatchAsync(start.Task, batch);
        start.SetResult();
    }

    private async Task RunBatchAsync(Task start, ClaimedBatch batch)
    {
        await start;
        using var spans = batch.Spans;
        Activity.Current = spans.Shared;
        Exception? failure = null;
        using (var heartbeatStop = new CancellationTokenSource())
        {
            var heartbeat = HeartbeatAsync(batch, heartbeatStop.Token);
            try
            {
                await handler.HandleAsync(batch, abortHandlers.Token);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            await heartbeatStop.CancelAsync();
            await heartbeat;
        }

        try
        {
            await SettleUnreportedAsync(batch, failure);
        }
        catch (Exception ex)
        {
            Log.SettleFailed(logger, ex, Kind);
        }
        finally
        {
            running.TryRemove(batch, out _);
            slots.Release();
            // A finished job may unblock the next job of its key, whatever that job's kind.
            wakeups.NotifyAll();
        }
    }

    /// <summary>Jobs the handler did not report: released when shutdown cut the handler short, else retried (or failed for good).</summary>
    private Task SettleUnreportedAsync(ClaimedBatch batch, Exception? failure)
    {
        if (abortHandlers.IsCancellationRequested)
        {
            return batch.SettleRestAsync(rest =>
                store.ReleaseAsync([.. rest.Select(j => j.Id)], options.InstanceId, time.GetUtcNow(), CancellationToken.None), outcome: null);
        }

        JobResult result = failure switch
        {
            PermanentJobException permanent => new JobResult.Permanent(permanent.Message),
            null => new JobResult.Transient("The handler returned without reporting this job."),
            _ => new JobResult.Transient($"{failure.GetType().Name}: {failure.Message}"),
        };
        return batch.SettleRestAsync(async rest =>
        {
            if (failure is not null)
            {
                Log.HandlerFailed(logger, failure, Kind, rest.Count);
            }

            foreach (var job in rest)
            {
                await recorder.RecordAsync(job, result);
            }
        }, result);
    }

    private async Task HeartbeatAsync(ClaimedBatch batch, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.LeaseDuration / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var ids = batch.UnsettledIds;
                if (ids.Count == 0)
                {
                    continue;
                }

                try
                {
                    var lost = await store.ExtendLeasesAsync(ids, options.InstanceId, time.GetUtcNow() + options.LeaseDuration, stop);
                    if (lost.Count > 0)
                    {
                        Log.LeasesLost(logger, lost.Count, Kind);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.HeartbeatFailed(logger, ex, Kind);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The batch finished.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Claiming {Kind} jobs failed; trying again at the next poll")]
        public static partial void ClaimFailed(ILogger logger, Exception exception, string kind);

        [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "The {Kind} handler failed with {Count} jobs unreported; they will be retried")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string kind, int count);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Recording the unreported {Kind} jobs failed; their leases will expire and they will run again")]
        public static partial void SettleFailed(ILogger logger, Exception exception, string kind);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Renewing {Kind} leases failed; retrying at the next heartbeat")]
        public static partial void HeartbeatFailed(ILogger logger, Exception exception, string kind);

        [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "{Count} {Kind} jobs lost their lease while running (another instance may run them again)")]
        public static partial void LeasesLost(ILogger logger, int count, string kind);

        [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Shutdown released {Count} unfinished {Kind} jobs back to pending")]
        public static partial void Released(ILogger logger, int count, string kind);
    }
}
