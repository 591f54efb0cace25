using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests;

/// <summary>What the engine tells a readiness probe: whether it runs, and whether each kind's worker can claim jobs.</summary>
public sealed class EngineReadinessTests() : StoreTestBase(new SqliteStoreProvider())
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task WhyNotClaiming_SaysTheEngineIsNotRunning_BeforeItStartsAndAfterItStops()
    {
        var engine = new JobEngine(
            Store, Store, [DelegateHandler.EachJob("k", _ => JobResult.Done)], new JobWakeups(), Engines.Wrap(Engines.Options("probe")),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<JobEngine>.Instance);

        var beforeStart = engine.WhyNotClaiming();
        await engine.StartAsync(None);
        var running = engine.WhyNotClaiming();
        await engine.StopAsync(None);

        Assert.Equal("the job engine is not running", beforeStart);
        Assert.Null(running);
        Assert.Equal("the job engine is not running", engine.WhyNotClaiming());
    }

    [Fact]
    public async Task WhyNotClaiming_NamesTheWorkerWhoseClaimsFail_UntilAClaimSucceedsAgain()
    {
        var store = new ObservedJobStore(Store) { ClaimFault = new InvalidOperationException("attempt to write a readonly database") };
        await using var engine = await Engines.StartAsync(
            store, [DelegateHandler.EachJob("contract.launch", _ => JobResult.Done), DelegateHandler.EachJob("kommo.note", _ => JobResult.Done)],
            Engines.Options("readonly", o => o.PollInterval = TimeSpan.FromMilliseconds(20)));

        var failing = await Eventually.GetAsync(engine.WhyNotClaiming, "the failed claims to show");
        store.ClaimFault = null;

        Assert.Matches("^the (contract.launch|kommo.note) worker cannot claim jobs: its last claim failed \\(see the log\\)$", failing);
        Assert.DoesNotContain("readonly", failing, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => engine.WhyNotClaiming() is null, "every worker to claim again", explain: () => $" Still: {engine.WhyNotClaiming()}");
    }
}
