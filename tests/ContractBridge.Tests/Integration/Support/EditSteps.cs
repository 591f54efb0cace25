using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Tests.Integration.Support;

/// <summary>Waiting for deal edits to have been handled, so a test can say that something was not sent.</summary>
internal static class EditSteps
{
    /// <summary>
    /// Waits until Kommo has delivered every webhook, the bridge has handled at least <paramref name="editSyncs"/> edit
    /// syncs, and no job at all is pending or running (a note an edit caused is written by then too).
    /// </summary>
    public static Task SettledAsync(BridgeHarness bridge, int editSyncs) =>
        Eventually.TrueAsync(async () =>
        {
            if (bridge.Kommo.Control.PendingWebhooks > 0)
            {
                return false;
            }

            var jobs = await bridge.Store.ListAsync(null, 500, CancellationToken.None);
            return jobs.Count(j => j.Kind == JobKinds.SyncEdits && j.Status == JobStatus.Succeeded) >= editSyncs
                && jobs.All(j => j.Status is JobStatus.Succeeded or JobStatus.Dead);
        }, $"{editSyncs} edit sync(s) handled and no job left", explain: bridge.Explain);

    public static IReadOnlyList<AttributeUpdate> Updates(BridgeHarness bridge, string workflowId) =>
        bridge.Ironclad.Control.Workflow(workflowId)!.AttributeUpdates;

    public static Task<AttributeUpdate> UpdateAsync(BridgeHarness bridge, string workflowId, int number = 1) =>
        Eventually.GetAsync(() => Updates(bridge, workflowId).ElementAtOrDefault(number - 1), $"attribute update {number} of workflow {workflowId}", explain: bridge.Explain);

    public static void AssertNo429(BridgeHarness bridge)
    {
        Assert.Equal(0, bridge.Ironclad.Control.Calls().TooManyRequests);
        Assert.Equal(0, bridge.Kommo.Control.Calls.TooManyRequests);
    }
}
