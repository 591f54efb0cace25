using System.Collections.Concurrent;
using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Engine.Storage.Sqlite;
using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests;

/// <summary>
/// Follow-up work has one door: a transaction that stores jobs tells the store's observers their kinds after it commits,
/// and only then; the engine wakes those workers. Nobody else signals anything.
/// </summary>
public abstract class WakeOnCommitTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Enqueue_TellsItsKindsOnce_AfterTheJobsAreCommitted()
    {
        // A real observer must not block; this one reads, from another store, what is committed when it is told.
        var reader = Database.Open();
        var seen = new ConcurrentQueue<(string[] Kinds, long Pending)>();
        using var _ = Store.ObserveCommittedJobs(new Observer(kinds =>
            seen.Enqueue(([.. kinds.Order()], reader.CountAsync(None).GetAwaiter().GetResult().Pending))));

        await Store.EnqueueAsync([Engines.Job("a", "k:1"), Engines.Job("b", "k:2"), Engines.Job("a", "k:3")], T0, None);

        var told = Assert.Single(seen);
        Assert.Equal(["a", "b"], told.Kinds);
        Assert.Equal(3, told.Pending);
    }

    [Fact]
    public async Task StoreEvents_TellsTheKindsOfNewEventsOnly()
    {
        await Store.StoreEventsAsync([Event("evt-1", "first")], T0, None);
        var seen = Observe(Store);

        await Store.StoreEventsAsync([Event("evt-1", "again"), Event("evt-2", "second")], T0, None);
        await Store.StoreEventsAsync([Event("evt-2", "again")], T0, None);

        Assert.Equal([["second"]], seen);
    }

    [Fact]
    public async Task Complete_TellsTheFollowUpsKinds_AndAPlainCompletionTellsNothing()
    {
        await Store.EnqueueAsync([Engines.Job("launch", "k:1"), Engines.Job("launch", "k:2")], T0, None);
        var claimed = await Store.ClaimAsync("launch", 2, "me", T0, TimeSpan.FromMinutes(1), None);
        var seen = Observe(Store);

        await Store.CompleteAsync(claimed[0].Id, "me", [Engines.Job("note", "k:1")], T0, None);
        await Store.CompleteAsync(claimed[1].Id, "me", [], T0, None);
        await Store.CompleteAsync(claimed[1].Id, "someone else", [Engines.Job("note", "k:2")], T0, None);

        Assert.Equal([["note"]], seen);
    }

    [Fact]
    public async Task Replay_TellsTheReplayedKinds()
    {
        await Store.EnqueueAsync([Engines.Job("sync", "k:1"), Engines.Job("note", "k:2")], T0, None);
        foreach (var kind in new[] { "sync", "note" })
        {
            var job = Assert.Single(await Store.ClaimAsync(kind, 1, "me", T0, TimeSpan.FromMinutes(1), None));
            await Store.DeadLetterAsync(job.Id, "me", "broken", T0, None);
        }

        var seen = Observe(Store);

        await Store.ReplayAllDeadAsync(T0, None);
        await Store.ReplayAllDeadAsync(T0, None);

        Assert.Equal([["note", "sync"]], seen);
    }

    [Fact]
    public async Task AWriteThatThrows_StoresNoJob_AndTellsNothing()
    {
        var seen = Observe(Store);

        await Assert.ThrowsAsync<InvalidOperationException>(() => WriteJobsAsync(Store, "doomed", fail: true));

        Assert.Empty(seen);
        Assert.Equal(new JobCounts(0, 0, 0, 0), await Store.CountAsync(None));
    }

    [Fact]
    public async Task AServicesOwnWrite_TellsTheKindsOfTheJobsItStored()
    {
        var seen = Observe(Store);

        await WriteJobsAsync(Store, "own", fail: false);

        Assert.Equal([["own"]], seen);
    }

    [Fact]
    public async Task AnObserverThatStopped_HearsNothingMore()
    {
        var seen = new ConcurrentQueue<string>();
        var subscription = Store.ObserveCommittedJobs(new Observer(kinds => seen.Enqueue(kinds.Single())));
        await Store.EnqueueAsync([Engines.Job("before", "k:1")], T0, None);

        subscription.Dispose();
        await Store.EnqueueAsync([Engines.Job("after", "k:2")], T0, None);

        Assert.Equal(["before"], seen);
    }

    [Fact]
    public async Task Engine_JobsStoredWhileTheWorkerSleeps_RunWithoutWaitingForAPoll()
    {
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (store, watch) = SleepWatch.Around(Store);
        await using var engine = await Engines.StartAsync(
            store, [DelegateHandler.EachJob("k", _ => { ran.TrySetResult(); return JobResult.Done; })],
            Engines.Options("woken", o => o.PollInterval = TimeSpan.FromHours(1)), instances: Store);
        await watch.AsleepAsync("k");

        await Store.EnqueueAsync([Engines.Job("k", "k:1")], DateTimeOffset.UtcNow, None);

        await ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Engine_FollowUps_RunAsSoonAsTheirCompletionCommits_BeforeTheBatchEnds()
    {
        var followed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IJobHandler[] handlers =
        [
            new DelegateHandler("first", async (batch, ct) =>
            {
                var job = batch.Jobs.Single();
                await batch.CompleteAsync(job, JobResult.Then(Engines.Job("second", job.Key)), ct);
                // The batch stays open: the follow-up cannot ride on the wake-up every finished batch gives.
                await followed.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            }),
            DelegateHandler.EachJob("second", _ => { followed.TrySetResult(); return JobResult.Done; }),
        ];
        var (store, watch) = SleepWatch.Around(Store);
        await using var engine = await Engines.StartAsync(store, handlers, Engines.Options("chained", o => o.PollInterval = TimeSpan.FromHours(1)), instances: Store);
        await watch.AsleepAsync("second");

        await Store.EnqueueAsync([Engines.Job("first", "k:1")], DateTimeOffset.UtcNow, None);

        await followed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Stores one job of <paramref name="kind"/> through the store's own write extension point, then throws if told to.</summary>
    protected static Task WriteJobsAsync(IBridgeStore store, string kind, bool fail) => store switch
    {
        SqliteBridgeStore sqlite => sqlite.WriteAsync(scope =>
        {
            scope.InsertJobs([Engines.Job(kind, "k:1")], T0);
            return fail ? throw new InvalidOperationException("the service's write failed") : 0;
        }, None),
        PostgresBridgeStore postgres => postgres.WriteAsync(async (scope, token) =>
        {
            await scope.InsertJobsAsync([Engines.Job(kind, "k:1")], T0, token);
            return fail ? throw new InvalidOperationException("the service's write failed") : 0;
        }, None),
        _ => throw new NotSupportedException(store.GetType().Name),
    };

    /// <summary>Every notification the store gives from now on, each as its kinds in order.</summary>
    protected static ConcurrentQueue<string[]> Observe(IBridgeStore store)
    {
        var seen = new ConcurrentQueue<string[]>();
        store.ObserveCommittedJobs(new Observer(kinds => seen.Enqueue([.. kinds.Order(StringComparer.Ordinal)])));
        return seen;
    }

    private static InboundEvent Event(string dedupeKey, string kind) =>
        new("kommo", dedupeKey, "an event", "application/json", "{}", [Engines.Job(kind, $"k:{dedupeKey}")]);

    private sealed class Observer(Action<IReadOnlyCollection<string>> heard) : IJobsCommittedObserver
    {
        public void OnJobsCommitted(IReadOnlyCollection<string> kinds) => heard(kinds);
    }
}
