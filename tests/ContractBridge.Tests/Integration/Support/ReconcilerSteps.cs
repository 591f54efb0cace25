using ContractBridge.Contracts;
using ContractBridge.Flows.Reconcile;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Integration.Support;

/// <summary>Drives the Kommo-side reconciler by hand (the tests keep its schedule off) and waits for what a pass queued.</summary>
internal static class ReconcilerSteps
{
    public static DealReconciler DealReconciler(this BridgeHarness bridge) => bridge.App.Services.GetRequiredService<DealReconciler>();

    /// <summary>Runs one pass, then waits until every job it (and what came before) started has finished.</summary>
    public static async Task<DealReconcilePass> PassAsync(BridgeHarness bridge, bool everyLeadInStage = false)
    {
        var pass = await bridge.DealReconciler().RunOnceAsync(everyLeadInStage, CancellationToken.None);
        Assert.True(pass.Ran, "the pass should hold the reconciler's lease");
        await IdleAsync(bridge);
        return pass;
    }

    public static Task IdleAsync(BridgeHarness bridge) =>
        Eventually.TrueAsync(async () => await bridge.Store.CountAsync(CancellationToken.None) is { Pending: 0, Running: 0 }, "every job to finish", explain: bridge.Explain);

    /// <summary>Every link the bridge holds, oldest first.</summary>
    public static async Task<IReadOnlyList<ContractLink>> LinksAsync(BridgeHarness bridge) =>
        (await bridge.Contracts.ListAsync(10_000, CancellationToken.None)).Reverse().ToList();

    /// <summary>No 429 from either service during the test: the bridge kept within both limits.</summary>
    public static void AssertNoTooManyRequests(BridgeHarness bridge)
    {
        Assert.Equal(0, bridge.Kommo.Control.Calls.TooManyRequests);
        Assert.Equal(0, bridge.Ironclad.Control.Calls().TooManyRequests);
    }
}
