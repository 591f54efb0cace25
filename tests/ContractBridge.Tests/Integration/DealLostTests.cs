using System.Globalization;
using System.Net;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Integration;

/// <summary>A deal lost, moved back or deleted while its contract is under way is said in Ironclad, once.</summary>
public sealed class DealLostTests
{
    [Fact]
    public async Task LostDeal_CommentsOnTheWorkflow_WithTheDealTheReasonAndWhoDidIt_AndNotesTheDeal()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var price = bridge.Kommo.Control.AddLossReason(new SeedLossReason { Name = "Price too high" });
        var lead = bridge.Account.AddDeal("Initech");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        DealLossSteps.MarkLost(bridge, lead, price);
        var comment = await DealLossSteps.CommentContainingAsync(bridge, workflow.Id, "was lost");
        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "legal was told");

        Assert.Contains($"'Initech' (#{lead})", comment.Message, StringComparison.Ordinal);
        Assert.Contains("reason: Price too high", comment.Message, StringComparison.Ordinal);
        Assert.Contains("by Rita Rep", comment.Message, StringComparison.Ordinal);
        Assert.Contains($"/leads/detail/{lead}", comment.Message, StringComparison.Ordinal);
        Assert.Equal("active", bridge.Ironclad.Control.Workflow(workflow.Id)!.Status);
        Assert.Contains(workflow.IroncladId, note.Text, StringComparison.Ordinal);
        Assert.Equal(0, bridge.Ironclad.Control.Calls().TooManyRequests);
        Assert.Equal(0, bridge.Kommo.Control.Calls.TooManyRequests);
    }

    [Fact]
    public async Task LostDeal_WithCancelConfigured_CancelsTheWorkflowWithAComment_AndTheNoteSaysSo()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?> { ["ContractBridge:Rules:0:OnDealLost:Action"] = "Cancel" });
        var lead = bridge.Account.AddDeal("Umbrella");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        DealLossSteps.MarkLost(bridge, lead);
        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "the workflow was cancelled");
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "was cancelled.");
        await DealLossSteps.SettledAsync(bridge);

        Assert.Equal("cancelled", bridge.Ironclad.Control.Workflow(workflow.Id)!.Status);
        var comments = DealLossSteps.Comments(bridge, workflow.Id);
        Assert.Contains(comments, c => c.Message.StartsWith("ContractBridge: The Kommo deal 'Umbrella'", StringComparison.Ordinal) && c.Message.EndsWith("The workflow is cancelled.", StringComparison.Ordinal));
        Assert.Contains(comments, c => c.Message.StartsWith("Cancelled by ContractBridge: the Kommo deal 'Umbrella'", StringComparison.Ordinal));
        Assert.Contains("legal was told in a comment and the workflow was cancelled", note.Text, StringComparison.Ordinal);
        Assert.Equal(ContractBridge.Kommo.KommoStatuses.ClosedLost, bridge.Kommo.Control.GetLead(lead)!.StatusId);
    }

    [Fact]
    public async Task LostDeal_WithPauseConfigured_PausesTheWorkflowInReview()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Rules:0:OnDealLost:Action"] = "Pause",
            ["ContractBridge:Rules:0:OnDealLost:Comment"] = "false",
        });
        var lead = bridge.Account.AddDeal("Hooli");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        DealLossSteps.MarkLost(bridge, lead);
        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "the workflow was paused");

        Assert.Equal("paused", bridge.Ironclad.Control.Workflow(workflow.Id)!.Status);
        var comment = Assert.Single(DealLossSteps.Comments(bridge, workflow.Id));
        Assert.StartsWith("Paused by ContractBridge: the Kommo deal 'Hooli'", comment.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("legal was told", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseOutsideReview_IsRefusedByIronclad_AndTheNoteSaysItWasNotPaused()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?> { ["ContractBridge:Rules:0:OnDealLost:Action"] = "Pause" });
        var lead = bridge.Account.AddDeal("Pied Piper");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "sent for signature");

        DealLossSteps.MarkLost(bridge, lead);
        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "the workflow was not paused");

        Assert.Equal("active", bridge.Ironclad.Control.Workflow(workflow.Id)!.Status);
        Assert.Contains("legal was told in a comment", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovedBackBeforeTheTriggerStage_Comments_ButMovingForwardDoesNot()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Soylent");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [lead], StatusId = bridge.Account.Sales.StatusId("Invoice") });
        await LifecycleSteps.NextSecondAsync();
        bridge.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [lead], StatusId = bridge.Account.Negotiation });
        var comment = await DealLossSteps.CommentContainingAsync(bridge, workflow.Id, "moved back");
        await DealLossSteps.SettledAsync(bridge);

        Assert.Contains("moved back to 'Negotiation', before 'Send contract' by Rita Rep", comment.Message, StringComparison.Ordinal);
        Assert.Single(DealLossSteps.Comments(bridge, workflow.Id));
    }

    [Fact]
    public async Task DeletedDeal_CommentsOnTheWorkflow()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Vandelay Industries");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "launched for this deal");

        bridge.Kommo.Control.DeleteLead(lead);
        var comment = await DealLossSteps.CommentContainingAsync(bridge, workflow.Id, "was deleted");
        await DealLossSteps.SettledAsync(bridge);

        Assert.Contains($"'Vandelay Industries' (#{lead}) was deleted", comment.Message, StringComparison.Ordinal);
        Assert.True((await bridge.Store.CountAsync(CancellationToken.None)).Dead == 0, bridge.Explain());
    }

    [Fact]
    public async Task RepeatedWebhooks_ForOneLoss_GiveOneComment()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Massive Dynamic");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        DealLossSteps.MarkLost(bridge, lead);
        await DealLossSteps.CommentContainingAsync(bridge, workflow.Id, "was lost");
        var body = bridge.Kommo.Control.EmittedWebhooks.Last(w => w.Actions.Contains("status")).Body;
        var redelivered = await DealLossSteps.PostKommoWebhookAsync(bridge, body);
        var sameChangeOtherBody = await DealLossSteps.PostKommoWebhookAsync(bridge, body + "&leads%5Bstatus%5D%5B0%5D%5Bextra%5D=1");
        await DealLossSteps.SettledAsync(bridge);

        Assert.Equal(HttpStatusCode.OK, redelivered.Status);
        Assert.Contains("duplicate", redelivered.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sameChangeOtherBody.Status);
        Assert.Single(DealLossSteps.Comments(bridge, workflow.Id));
        Assert.Single(LifecycleSteps.Notes(bridge, lead), n => n.Text?.Contains("legal was told", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task TheBridgesOwnClosedWonMove_AndACancelledContractsMove_SayNothing()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: account => new Dictionary<string, string?>
        {
            ["ContractBridge:Rules:0:OnCancelled:MoveToStageId"] = account.Negotiation.ToString(CultureInfo.InvariantCulture),
        });
        var won = bridge.Account.AddDeal("Stark Industries");
        var cancelled = bridge.Account.AddDeal("Oscorp");
        var wonWorkflow = await LifecycleSteps.LaunchAsync(bridge, won);
        var cancelledWorkflow = await LifecycleSteps.LaunchAsync(bridge, cancelled);

        bridge.Ironclad.Control.AdvanceTo(wonWorkflow.Id, WorkflowStage.Archive);
        bridge.Ironclad.Control.Cancel(cancelledWorkflow.Id);
        await LifecycleSteps.NoteContainingAsync(bridge, won, "moved to 'Closed - won'");
        await LifecycleSteps.NoteContainingAsync(bridge, cancelled, "moved to 'Negotiation'");
        await DealLossSteps.SettledAsync(bridge);

        Assert.Empty(DealLossSteps.Comments(bridge, wonWorkflow.Id));
        Assert.Empty(DealLossSteps.Comments(bridge, cancelledWorkflow.Id));
        Assert.DoesNotContain(LifecycleSteps.Notes(bridge, won).Concat(LifecycleSteps.Notes(bridge, cancelled)), n => n.Text?.Contains("legal was told", StringComparison.Ordinal) == true);
    }
}
