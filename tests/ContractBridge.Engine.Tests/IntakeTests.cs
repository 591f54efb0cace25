using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContractBridge.Engine.Tests;

/// <summary>The intake answers only after the event and its jobs are committed, once per real event, many per transaction.</summary>
public abstract class IntakeTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Ingest_StoresTheEventAndItsJobs_BeforeItAnswers()
    {
        await using var intake = NewIntake();

        var outcome = await intake.IngestAsync(Event("evt-1", Engines.Job("contract.launch", "lead:1", "{\"lead\":1}"), Engines.Job("audit", "lead:1")), None);

        Assert.Equal(IngestOutcome.Stored, outcome);
        var stored = Assert.Single(await Store.ListRecentEventsAsync(10, None));
        Assert.Equal(("kommo", "evt-1", "lead 1 → stage 2", 2), (stored.Source, stored.DedupeKey, stored.Summary, stored.JobCount));
        var jobs = await Store.ListAsync(JobStatus.Pending, 10, None);
        Assert.Equal(["audit", "contract.launch"], jobs.Select(j => j.Kind));
        Assert.Equal("{\"lead\":1}", jobs[1].Payload);
    }

    [Fact]
    public async Task Ingest_DuplicateDelivery_AnswersDuplicateAndStoresNothingNew()
    {
        await using var intake = NewIntake();
        await intake.IngestAsync(Event("evt-1", Engines.Job("k", "lead:1")), None);

        var again = await intake.IngestAsync(Event("evt-1", Engines.Job("k", "lead:1"), Engines.Job("k", "lead:2")), None);

        Assert.Equal(IngestOutcome.Duplicate, again);
        Assert.Equal(1, await Store.CountEventsAsync(None));
        Assert.Equal(1, (await Store.CountAsync(None)).Pending);
    }

    [Fact]
    public async Task Ingest_RacingDuplicateDeliveries_StoreTheEventOnce()
    {
        await using var intake = NewIntake();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => intake.IngestAsync(Event("evt-race", Engines.Job("k", "lead:1")), None))));

        Assert.Single(outcomes, o => o == IngestOutcome.Stored);
        Assert.Equal(1, (await Store.CountAsync(None)).Pending);
    }

    [Fact]
    public async Task Ingest_DuplicatesFromTwoInstances_StoreTheEventOnce()
    {
        await using var first = NewIntake();
        await using var second = NewIntake(Database.Open());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).IngestAsync(Event($"evt-{i / 4}", Engines.Job("k", $"lead:{i / 4}")), None))));

        Assert.Equal(10, outcomes.Count(o => o == IngestOutcome.Stored));
        Assert.Equal(10, await Store.CountEventsAsync(None));
        Assert.Equal(10, (await Store.CountAsync(None)).Pending);
    }

    [Fact]
    public async Task Ingest_ManyConcurrentCallers_ShareTransactions()
    {
        await using var intake = NewIntake();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            Task.Run(() => intake.IngestAsync(Event($"evt-{i}", Engines.Job("k", $"lead:{i}")), None))));

        Assert.All(outcomes, o => Assert.Equal(IngestOutcome.Stored, o));
        var statistics = intake.Statistics;
        Assert.Equal((1000L, 1000L), (statistics.Events, statistics.Stored));
        Assert.True(statistics.Commits < 1000, $"{statistics.Commits} commits for 1000 events: no group commit happened.");
        Assert.Equal(1000, await Store.CountEventsAsync(None));
    }

    [Fact]
    public async Task StoreEvents_SameKeyTwiceInOneGroup_StoresTheFirstWithItsJobsOnly()
    {
        var outcomes = await Store.StoreEventsAsync(
            [Event("evt-a", Engines.Job("k", "lead:1", "first")), Event("evt-b", Engines.Job("k", "lead:2")), Event("evt-a", Engines.Job("k", "lead:1", "second"))],
            T0, None);

        Assert.Equal([IngestOutcome.Stored, IngestOutcome.Stored, IngestOutcome.Duplicate], outcomes);
        var jobs = await Store.ListAsync(JobStatus.Pending, 10, None);
        Assert.Equal(["lead:2", "lead:1"], jobs.Select(j => j.Key));
        Assert.Equal("first", jobs[1].Payload);
        Assert.Equal(["evt-b", "evt-a"], (await Store.ListRecentEventsAsync(10, None)).Select(e => e.DedupeKey));
    }

    [Fact]
    public async Task StoreEvents_FailingJob_StoresNeitherTheEventsNorTheirJobs()
    {
        var good = Event("evt-good", Engines.Job("k", "lead:1"));
        var bad = Event("evt-bad", new NewJob(null!, "lead:2", "{}"));

        await Assert.ThrowsAnyAsync<Exception>(() => Store.StoreEventsAsync([good, bad], T0, None));

        Assert.Equal(0, await Store.CountEventsAsync(None));
        Assert.Equal(new JobCounts(0, 0, 0, 0), await Store.CountAsync(None));
    }

    [Fact]
    public async Task Ingest_OneBadEventAmongGoodOnes_FailsAlone()
    {
        await using var intake = NewIntake();

        var good = Enumerable.Range(0, 20).Select(i => intake.IngestAsync(Event($"evt-{i}", Engines.Job("k", $"lead:{i}")), None)).ToList();
        var bad = intake.IngestAsync(Event("evt-bad", new NewJob(null!, "lead:x", "{}")), None);

        await Assert.ThrowsAnyAsync<Exception>(() => bad);
        Assert.All(await Task.WhenAll(good), o => Assert.Equal(IngestOutcome.Stored, o));
        Assert.Equal(20, await Store.CountEventsAsync(None));
    }

    [Fact]
    public async Task Ingest_WakesTheWorkersOfTheJobsKinds_WithoutWaitingForAPoll()
    {
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var engine = await Engines.StartAsync(
            Store, [DelegateHandler.EachJob("k", _ => { ran.TrySetResult(); return JobResult.Done; })],
            Engines.Options("woken", o => o.PollInterval = TimeSpan.FromHours(1)));
        await using var intake = NewIntake();

        await intake.IngestAsync(Event("evt-1", Engines.Job("k", "lead:1")), None);

        await ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static InboundEvent Event(string dedupeKey, params NewJob[] jobs) =>
        new("kommo", dedupeKey, "lead 1 → stage 2", "application/x-www-form-urlencoded", "leads[status][0][id]=1", jobs);

    private EventIntake NewIntake(Storage.IEventStore? store = null) =>
        new(store ?? Store, Engines.Wrap(new IntakeOptions()), TimeProvider.System, NullLogger<EventIntake>.Instance);
}
