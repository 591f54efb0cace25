using ContractBridge.Contracts;
using ContractBridge.Kommo;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Integration;

public sealed class LifecycleTests
{
    [Fact]
    public async Task FullLifecycle_SignatureNoteAndTask_ThenClosedWonWithNoteAndSignedPdf()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Stark Industries", price: 120_000);
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);
        var signatureNote = await LifecycleSteps.NoteContainingAsync(bridge, lead, "sent for signature");
        var task = await Eventually.GetAsync(() => bridge.Kommo.Control.GetLead(lead)!.Tasks.FirstOrDefault(), "the follow-up task");
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Archive);
        var executedNote = await LifecycleSteps.NoteContainingAsync(bridge, lead, "signed (executed)");
        var attachment = await Eventually.GetAsync(() => bridge.Kommo.Control.GetLead(lead)!.Attachments.FirstOrDefault(), "the signed PDF", explain: bridge.Explain);

        Assert.Contains(workflow.IroncladId, signatureNote.Text, StringComparison.Ordinal);
        Assert.Equal(bridge.Account.RepId, task.ResponsibleUserId);
        Assert.Contains("waiting for signature", task.Text, StringComparison.Ordinal);
        Assert.InRange(task.CompleteTill, DateTimeOffset.UtcNow.AddDays(3).AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddDays(3).AddMinutes(5).ToUnixTimeSeconds());
        var deal = bridge.Kommo.Control.GetLead(lead)!;
        Assert.Equal((KommoStatuses.ClosedWon, bridge.Account.Sales.Id), (deal.StatusId, deal.PipelineId));
        Assert.Contains("moved to 'Closed - won'", executedNote.Text, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(".pdf", attachment.FileName, StringComparison.OrdinalIgnoreCase);
        var pdf = bridge.Kommo.Control.GetFileContent(attachment.FileUuid)!;
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        Assert.Equal(ContractState.Executed, (await bridge.Contracts.FindByWorkflowAsync(workflow.Id, CancellationToken.None))!.State);
        Assert.Single(LifecycleSteps.Notes(bridge, lead), n => n.Text?.Contains("sent for signature", StringComparison.Ordinal) == true);
        Assert.Single(LifecycleSteps.Notes(bridge, lead), n => n.Text?.Contains("signed (executed)", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task CancelledContract_LeavesANote_AndANewTriggerLaunchesAgain()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Wayne Enterprises");
        var first = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Ironclad.Control.Cancel(first.Id);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "was cancelled");
        bridge.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [lead], StatusId = bridge.Account.Negotiation });
        await LifecycleSteps.NextSecondAsync();
        var second = await LifecycleSteps.LaunchAsync(bridge, lead);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, bridge.Ironclad.Control.Workflows().Count);
        Assert.Equal(ContractState.Cancelled, (await bridge.Contracts.FindByWorkflowAsync(first.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task CancelWithConfiguredStage_MovesTheDealBackToNegotiation()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: account => new Dictionary<string, string?>
        {
            ["ContractBridge:Rules:0:OnCancelled:MoveToStageId"] = account.Negotiation.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var lead = bridge.Account.AddDeal("Cyberdyne");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Ironclad.Control.Cancel(workflow.Id);
        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "was cancelled");

        Assert.Equal(bridge.Account.Negotiation, bridge.Kommo.Control.GetLead(lead)!.StatusId);
        Assert.Contains("moved to 'Negotiation'", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevertToReview_IsARealMoveBack_WithANote_AndASecondSignatureNotesAgain()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Tyrell Corp");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "sent for signature");

        bridge.Ironclad.Control.RevertToReview(workflow.Id);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "went back to review");
        Assert.Equal(ContractState.Review, (await bridge.Contracts.FindByWorkflowAsync(workflow.Id, CancellationToken.None))!.State);
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);

        await Eventually.TrueAsync(() => LifecycleSteps.Notes(bridge, lead).Count(n => n.Text?.Contains("sent for signature", StringComparison.Ordinal) == true) == 2, "a second signature note");
    }

    [Fact]
    public async Task DealClosedByHand_IsNotMovedBack_AndTheNoteSaysWhy()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Soylent");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [lead], StatusId = KommoStatuses.ClosedLost });

        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Archive);
        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "signed (executed)");

        Assert.Equal(KommoStatuses.ClosedLost, bridge.Kommo.Control.GetLead(lead)!.StatusId);
        Assert.Contains("not moved", note.Text, StringComparison.Ordinal);
        Assert.Contains("Closed - lost", note.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DuplicatedAndReorderedWebhooks_ActOnce_InIroncladsOrder()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        bridge.Ironclad.Control.SetFaults(new FaultProfile { WebhookDuplicateRate = 1, WebhookReorderRate = 0.5, WebhookReorderWindow = TimeSpan.FromMilliseconds(300) });
        var lead = bridge.Account.AddDeal("Hooli");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "signed (executed)");
        await Eventually.TrueAsync(() => bridge.Ironclad.Control.PendingWebhooks == 0, "every delivery to finish");
        await Eventually.TrueAsync(async () => (await bridge.Store.CountAsync(CancellationToken.None)) is { Pending: 0, Running: 0 }, "every job to finish");

        var notes = LifecycleSteps.Notes(bridge, lead);
        Assert.Single(notes, n => n.Text?.Contains("signed (executed)", StringComparison.Ordinal) == true);
        Assert.True(notes.Count(n => n.Text?.Contains("sent for signature", StringComparison.Ordinal) == true) <= 1);
        Assert.True(bridge.Kommo.Control.GetLead(lead)!.Tasks.Count <= 1);
        Assert.Equal(KommoStatuses.ClosedWon, bridge.Kommo.Control.GetLead(lead)!.StatusId);
    }

    [Fact]
    public async Task SigningKeyRotation_IsFollowed()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Pied Piper");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        await Eventually.TrueAsync(() => bridge.Ironclad.Control.PendingWebhooks == 0, "the launch webhook");

        bridge.Ironclad.Control.RotateSigningKey();
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);

        await LifecycleSteps.NoteContainingAsync(bridge, lead, "sent for signature");
    }

    [Fact]
    public async Task EveryIroncladWebhookDropped_TheReconcilerStillClosesTheDeal()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Reconciler:Enabled"] = "true",
            ["ContractBridge:Reconciler:Interval"] = "00:00:01",
        });
        bridge.Ironclad.Control.SetFaults(new FaultProfile { WebhookDropRate = 1 });
        var lead = bridge.Account.AddDeal("Massive Dynamic");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);

        await LifecycleSteps.NoteContainingAsync(bridge, lead, "signed (executed)");
        Assert.Equal(KommoStatuses.ClosedWon, bridge.Kommo.Control.GetLead(lead)!.StatusId);
        Assert.All(bridge.Ironclad.Control.WebhookAttempts(), a => Assert.Equal("dropped (fault)", a.Error));
    }

    [Fact]
    public async Task PausedContract_IsShownAsPaused_AndChangesNothingOnTheDeal()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Initrode");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "launched");

        bridge.Ironclad.Control.Pause(workflow.Id);

        await Eventually.TrueAsync(async () => (await bridge.Contracts.FindByWorkflowAsync(workflow.Id, CancellationToken.None))!.Paused, "the contract to show as paused", explain: bridge.Explain);
        await Eventually.TrueAsync(async () => (await bridge.Store.CountAsync(CancellationToken.None)) is { Pending: 0, Running: 0 }, "every job to finish");
        Assert.Single(LifecycleSteps.Notes(bridge, lead));
        Assert.Empty(bridge.Kommo.Control.GetLead(lead)!.Tasks);
        Assert.Equal(bridge.Account.SendContract, bridge.Kommo.Control.GetLead(lead)!.StatusId);
    }
}
