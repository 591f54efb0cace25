using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Engine.Tests;

/// <summary>
/// The engine's instance row end to end on a real store: made at start, kept alive by beats however long a batch runs,
/// deleted on a graceful stop; an instance that stops beating has its jobs taken over in seconds, not after its lease.
/// </summary>
public abstract class EngineInstanceTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan LongLease = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Engine_RegistersItsInstanceAtStart_AndAGracefulStopDeletesIt()
    {
        await Store.RegisterInstanceAsync("someone-else", T0, T0 + TimeSpan.FromHours(1), None);
        var engine = await Engines.StartAsync(Store, [DelegateHandler.EachJob("k", _ => JobResult.Done)], Engines.Options("graceful"));

        var whileRunning = await Database.TextsAsync("SELECT instance_id FROM engine_instances ORDER BY instance_id;");
        await engine.StopAsync(None);

        Assert.Equal(["graceful", "someone-else"], whileRunning);
        Assert.Equal(["someone-else"], await Database.TextsAsync("SELECT instance_id FROM engine_instances;"));
    }

    [Fact]
    public async Task Engine_InstanceThatStopsBeating_HasItsJobTakenOverInSeconds_NotAfterItsLease()
    {
        var job = await EnqueueOneAsync();
        var crashedClock = new FakeTimeProvider(T0);
        var claimedByCrashed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var neverFinishes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crashed = await Engines.StartAsync(Database.Open(), [new DelegateHandler("k", async (batch, _) =>
        {
            claimedByCrashed.TrySetResult();
            await neverFinishes.Task;
            await batch.CompleteAsync(batch.Jobs[0], JobResult.Done, CancellationToken.None);
        })], Engines.Options("crashed", o => o.LeaseDuration = LongLease), crashedClock);
        await claimedByCrashed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The crashed instance's clock stands still: it never beats again, as if the process were gone.
        var survivorClock = new FakeTimeProvider(T0);
        var log = new RunLog();
        var survivorStore = new ObservedJobStore(Store);
        await using var survivor = await Engines.StartAsync(survivorStore, [DelegateHandler.EachJob("k", j => { log.Enter(j, "survivor").Dispose(); return JobResult.Done; })],
            Engines.Options("survivor", o => (o.LeaseDuration, o.PollInterval) = (LongLease, TimeSpan.FromSeconds(2))), survivorClock);
        var rowRunsOut = T0 + Engines.Options("x").InstanceTimeout;
        await AdvanceUntilAsync(survivorClock, () => Task.FromResult(survivorClock.GetUtcNow() >= rowRunsOut - TimeSpan.FromMilliseconds(100)), "the clock to near the crashed row's end");
        var beforeRowRunsOut = (await Store.GetAsync(job, None))!.Status;
        await AdvanceUntilAsync(survivorClock, async () => (await Store.GetAsync(job, None))!.Status == JobStatus.Succeeded, "the survivor to take the job over");
        // The lease the survivor took began at its claim; the job was finished at once, so it was never renewed.
        var claimedAt = survivorStore.HeldUntil!.Value - LongLease;
        neverFinishes.SetResult();
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await crashed.StopAsync(giveUp.Token);

        Assert.Equal(JobStatus.Running, beforeRowRunsOut);
        Assert.InRange(claimedAt, rowRunsOut, T0 + TimeSpan.FromSeconds(5));
        Assert.Equal(2, Assert.Single(log.Runs).Attempt);
    }

    [Fact]
    public async Task Engine_LiveInstanceWhoseBatchOutlastsTheInstanceTimeout_KeepsItsJobByItsBeats()
    {
        var time = new FakeTimeProvider(T0);
        var job = await EnqueueOneAsync();
        var log = new RunLog();
        var workDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A 60 s lease, so only the instance's beats (every second, alive for three) can keep the job from the other
        // instance; the work lasts more than three instance timeouts.
        var (work, step) = (TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        var options = (string id) => Engines.Options(id, o => (o.LeaseDuration, o.PollInterval) = (LongLease, TimeSpan.FromMilliseconds(20)));
        var handler = new DelegateHandler("k", async (batch, ct) =>
        {
            using (log.Enter(batch.Jobs[0]))
            {
                await workDone.Task.WaitAsync(ct);
            }

            await batch.CompleteAsync(batch.Jobs[0], JobResult.Done, ct);
        });
        var holder = new ObservedJobStore(Store);
        var other = new ObservedJobStore(Database.Open());
        var timeout = options("x").InstanceTimeout;

        await using var first = await Engines.StartAsync(holder, [handler], options("first"), time);
        await Eventually.TrueAsync(() => log.Count == 1, "the first instance to start the job");
        await using var second = await Engines.StartAsync(other, [handler], options("second"), time);
        // The clock moves on a step only once the holder's row is alive past it, so a beat that is late in this machine's
        // real time cannot make it look dead; a beat that is missing or late by the clock fails the wait. The work ends
        // even when a wait fails: the engines' shutdown timeout runs on this clock and would never pass.
        try
        {
            while (time.GetUtcNow() < T0 + work || !(other.LastClaimAt > T0 + work))
            {
                await Eventually.TrueAsync(() => holder.AliveUntil > time.GetUtcNow() + step, $"the instance to beat at {time.GetUtcNow() - T0} on the clock");
                time.Advance(step);
            }
        }
        finally
        {
            workDone.SetResult();
        }

        await Eventually.TrueAsync(async () => (await Store.GetAsync(job, None))!.Status == JobStatus.Succeeded, "the job to succeed");

        Assert.True(work > 3 * timeout, "the work does not outlast the instance timeout; it proves nothing");
        Assert.Equal(1, log.Count);
        Assert.Equal(1, (await Store.GetAsync(job, None))!.Attempts);
    }

    /// <summary>
    /// Moves a fake clock on in 100 ms steps until <paramref name="condition"/> holds: a worker may read the clock just
    /// before a step and arm its timer just after, so one exact jump could strand it.
    /// </summary>
    private static Task AdvanceUntilAsync(FakeTimeProvider time, Func<Task<bool>> condition, string what) =>
        Eventually.TrueAsync(async () =>
        {
            if (await condition())
            {
                return true;
            }

            time.Advance(TimeSpan.FromMilliseconds(100));
            return false;
        }, what);

    private async Task<long> EnqueueOneAsync()
    {
        await Store.EnqueueAsync([Engines.Job("k", "lead:1")], T0, None);
        return (await Store.ListAsync(null, 1, None))[0].Id;
    }
}
