using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Integration;

/// <summary>
/// A lone signed contract closes its deal in two round trips: the deal is read beside the workflow, not after it, and the
/// move does not read it again.
/// </summary>
public sealed class CloseRoundTripsTests
{
    private const string LeadReads = "GET /api/v4/leads";
    private const string WorkflowReads = "GET /public/api/v1/workflows/{id}";

    [Fact]
    public async Task ASignedContract_ReadsItsDealBesideTheWorkflow_AndTheMoveReadsItNoMore()
    {
        // Nothing else reads deals meanwhile: no reconciler pass, and edits (Kommo's echo of the bridge's own task) wait.
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Reconciler:Enabled"] = "false",
            ["ContractBridge:Kommo:EditSyncDelay"] = "00:10:00",
        });
        var lead = bridge.Account.AddDeal("Initech");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "sent for signature");
        await Eventually.GetAsync(() => bridge.Kommo.Control.GetLead(lead)!.Tasks.FirstOrDefault(), "the signature's follow-up task", explain: bridge.Explain);
        // Ironclad told of the signature several times: a sync of that news still reading the workflow would read it signed.
        await Eventually.TrueAsync(
            async () => (await bridge.Store.ListAsync(null, 500, CancellationToken.None)).All(j => j.Kind != JobKinds.Sync || j.Status is not (JobStatus.Pending or JobStatus.Running)),
            "every sync of the signature's news done",
            explain: bridge.Explain);
        // Every Ironclad answer now takes a second: a deal read made only after the workflow's answer comes a second after it.
        var ironcladAnswersIn = TimeSpan.FromSeconds(1);
        bridge.Ironclad.Control.SetFaults(new FaultProfile { Latency = ironcladAnswersIn });
        bridge.Kommo.Control.ResetCalls();
        bridge.Ironclad.Control.ResetCalls();

        // Fully signed: the first workflow read from here on is the close's.
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Signed);
        await Eventually.TrueAsync(() => bridge.Kommo.Control.GetLead(lead)!.StatusId == KommoStatuses.ClosedWon, "the deal in Closed-Won", explain: bridge.Explain);

        var workflowRead = bridge.Ironclad.Control.CallTimeline().First(c => c.Endpoint == WorkflowReads);
        var leadReads = bridge.Kommo.Control.CallTimeline.Where(c => c.Endpoint == LeadReads).ToList();
        string Timeline() => string.Join("; ", bridge.Kommo.Control.CallTimeline.Select(c => $"{c.ArrivedAt:HH:mm:ss.fff} Kommo {c.Endpoint}")
            .Concat(bridge.Ironclad.Control.CallTimeline().Select(c => $"{c.ArrivedAt:HH:mm:ss.fff} Ironclad {c.Endpoint}")).Order(StringComparer.Ordinal));
        Assert.True(leadReads.Count == 1, $"The close read its deal {leadReads.Count} times: {Timeline()}");
        var leadRead = leadReads[0];
        Assert.True(
            leadRead.ArrivedAt < workflowRead.ArrivedAt + ironcladAnswersIn,
            $"The deal was read at {leadRead.ArrivedAt:O}, after the workflow's answer ({workflowRead.ArrivedAt + ironcladAnswersIn:O}).");
    }
}
