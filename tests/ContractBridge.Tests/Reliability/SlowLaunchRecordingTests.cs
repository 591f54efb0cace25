using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Reliability;

/// <summary>
/// A launch whose answer was lost is recorded only when its retry finds the workflow; meanwhile Ironclad's events for
/// that workflow find the deal still "launching". Found by the upstream-faults run: those events waited 2 s at a time,
/// spent their attempts and died, and the state they announced (sent for signature) was never applied, since the
/// launch then recorded the workflow's newest lastUpdated and the reconciler saw nothing newer.
/// </summary>
public sealed class SlowLaunchRecordingTests
{
    [Fact]
    public async Task WorkflowMovedOn_WhileItsLaunchIsStillBeingRecorded_TheDealStillGetsTheMove_AndNoJobDies()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>
        {
            // The lost launch is retried after 4-8 s; an event waiting for it has 2 attempts.
            ["ContractBridge:Jobs:BackoffBase"] = "00:00:08",
            ["ContractBridge:Jobs:MaxAttempts"] = "2",
        });
        bridge.Ironclad.Control.SetFaults(new FaultProfile { LostResponseRate = 1 });
        var lead = bridge.Account.AddDeal("Gringotts");

        bridge.Account.MoveToSendContract(lead);
        var workflow = await Eventually.GetAsync(() => bridge.Ironclad.Control.Workflows().FirstOrDefault(), "the launch to reach Ironclad");
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);

        await LifecycleSteps.NoteContainingAsync(bridge, lead, "sent for signature");
        await Eventually.TrueAsync(async () => (await bridge.Store.CountAsync(CancellationToken.None)) is { Pending: 0, Running: 0 }, "every job to finish", explain: bridge.Explain);
        Assert.Equal(0, (await bridge.Store.CountAsync(CancellationToken.None)).Dead);
        Assert.Single(bridge.Ironclad.Control.Workflows());
    }
}
