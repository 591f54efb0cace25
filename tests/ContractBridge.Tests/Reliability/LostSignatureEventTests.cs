using ContractBridge.Contracts;
using ContractBridge.Flows.Sync;
using ContractBridge.Ironclad.Api;
using ContractBridge.Kommo;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Reliability;

/// <summary>
/// A contract fully signed in the Sign step whose "fully signed" webhook was lost: only the workflow itself says it is
/// signed, and the reconciler must read that. Found by the lost-and-disordered events run (the deal stayed open).
/// </summary>
public sealed class LostSignatureEventTests
{
    [Theory]
    [InlineData("complete")]
    [InlineData("completed")]
    public void SignStep_WithTheSignaturePacketDone_IsExecuted_WithoutAnyEvent(string signatures)
    {
        var workflow = new IroncladWorkflow("wf", "IC-1", "t", "tpl", "Sign", "active", null, null, null, new IroncladSignatures(signatures));

        var derived = ContractStateDeriver.Derive(workflow, "reconcile");

        Assert.Equal(ContractState.Executed, derived.State);
    }

    [Fact]
    public async Task SignedInTheSignStep_WithEveryWebhookDropped_TheReconcilerClosesTheDeal()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Reconciler:Enabled"] = "true",
            ["ContractBridge:Reconciler:Interval"] = "00:00:01",
        });
        var lead = bridge.Account.AddDeal("Initech");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Ironclad.Control.SetFaults(new FaultProfile { WebhookDropRate = 1 });

        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Signed);

        await LifecycleSteps.NoteContainingAsync(bridge, lead, "signed (executed)");
        Assert.Equal(KommoStatuses.ClosedWon, bridge.Kommo.Control.GetLead(lead)!.StatusId);
        Assert.Equal(ContractState.Executed, (await bridge.Contracts.FindByWorkflowAsync(workflow.Id, CancellationToken.None))!.State);
    }
}
