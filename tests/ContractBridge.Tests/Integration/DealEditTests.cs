using ContractBridge.Contracts;
using ContractBridge.Flows.Jobs;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Integration;

/// <summary>
/// Deal edits reaching the workflow while legal reviews, over real HTTP against both simulators: the rep edits the deal,
/// its contact or its company in Kommo; what Ironclad received is read from the Ironclad simulator.
/// </summary>
public sealed class DealEditTests
{
    [Fact]
    public async Task EditInReview_PatchesOnlyTheChangedAttribute_WithACommentNamingTheDealField()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Stark Industries", price: 120_000);
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        var currency = workflow.Attributes["contractValue"]!["currency"]!.GetValue<string>();

        bridge.Kommo.Control.EditLead(new EditLead { LeadId = lead, Price = 150_000 });
        var update = await EditSteps.UpdateAsync(bridge, workflow.Id);
        await EditSteps.SettledAsync(bridge, editSyncs: 1);

        Assert.Equal(["contractValue"], update.Changes.Keys);
        Assert.Equal(150_000, update.Changes["contractValue"]!["amount"]!.GetValue<decimal>());
        Assert.Contains($"Kommo deal #{lead} \"Stark Industries\"", update.Comment, StringComparison.Ordinal);
        Assert.Contains($"Contract Value (contractValue), from lead.price: 120000 {currency} → 150000 {currency}", update.Comment, StringComparison.Ordinal);
        Assert.Single(EditSteps.Updates(bridge, workflow.Id));
        Assert.Equal("Stark Industries Ltd", bridge.Ironclad.Control.Workflow(workflow.Id)!.Attributes["counterpartyName"]!.GetValue<string>());
        EditSteps.AssertNo429(bridge);
    }

    [Fact]
    public async Task EditAfterReview_IsNotSent_AndNotedOncePerChangeSet()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Wayne Enterprises", price: 80_000);
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "sent for signature");

        bridge.Kommo.Control.EditLead(new EditLead { LeadId = lead, Price = 95_000 });
        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "did not reach it");
        await EditSteps.SettledAsync(bridge, editSyncs: 1);
        bridge.Kommo.Control.EditLead(new EditLead { LeadId = lead, Name = "Wayne Enterprises (renewal)" });
        await EditSteps.SettledAsync(bridge, editSyncs: 2);

        Assert.Contains($"contract {workflow.IroncladId} (MSA) is past review (step Sign)", note.Text, StringComparison.Ordinal);
        Assert.Contains("from lead.price: 80000", note.Text, StringComparison.Ordinal);
        Assert.Contains("→ 95000", note.Text, StringComparison.Ordinal);
        Assert.Contains("Legal can revert it to Review", note.Text, StringComparison.Ordinal);
        Assert.Single(LifecycleSteps.Notes(bridge, lead), n => n.Text?.Contains("did not reach it", StringComparison.Ordinal) == true);
        Assert.Empty(EditSteps.Updates(bridge, workflow.Id));
        Assert.Equal(80_000, bridge.Ironclad.Control.Workflow(workflow.Id)!.Attributes["contractValue"]!["amount"]!.GetValue<decimal>());
        EditSteps.AssertNo429(bridge);
    }

    [Fact]
    public async Task EditsCloseTogether_BecomeOnePatch_WithTheirCombinedChanges()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Acme Rockets", price: 10_000);
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        var contact = bridge.Kommo.Control.GetLead(lead)!.Contacts.Single().ContactId;

        bridge.Kommo.Control.EditLead(new EditLead { LeadId = lead, Price = 11_000 });
        bridge.Kommo.Control.EditLead(new EditLead { LeadId = lead, Price = 12_000 });
        bridge.Kommo.Control.EditContact(new EditContact { ContactId = contact, Name = "Wile E. Coyote" });
        bridge.Kommo.Control.EditLead(new EditLead { LeadId = lead, Price = 13_000 });
        var update = await EditSteps.UpdateAsync(bridge, workflow.Id);
        await EditSteps.SettledAsync(bridge, editSyncs: 4);

        Assert.Single(EditSteps.Updates(bridge, workflow.Id));
        Assert.Equal(["contractValue", "counterpartySignerName"], update.Changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(13_000, update.Changes["contractValue"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("Wile E. Coyote", update.Changes["counterpartySignerName"]!.GetValue<string>());
        EditSteps.AssertNo429(bridge);
    }

    [Fact]
    public async Task TheBridgesOwnWrites_AndEditsOfUnmappedFields_SendNothing()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Tyrell Corp");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Kommo.Control.EditLead(new EditLead { LeadId = lead, Name = "Tyrell Corporation" });
        await EditSteps.SettledAsync(bridge, editSyncs: 1);
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "sent for signature");
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Archive);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "signed (executed)");
        await Eventually.TrueAsync(async () => (await bridge.Contracts.FindByWorkflowAsync(workflow.Id, CancellationToken.None))?.State == ContractState.Executed, "the contract executed");
        await EditSteps.SettledAsync(bridge, editSyncs: 1);

        Assert.Contains(bridge.Kommo.Control.EmittedWebhooks, w => w.Actions.Contains("update") && w.LeadIds.Contains(lead) && w.Body.Contains("status", StringComparison.Ordinal));
        Assert.Empty(EditSteps.Updates(bridge, workflow.Id));
        Assert.DoesNotContain(LifecycleSteps.Notes(bridge, lead), n => n.Text?.Contains("did not reach it", StringComparison.Ordinal) == true);
        EditSteps.AssertNo429(bridge);
    }

    [Fact]
    public async Task WithSyncEditsOff_AnEditSendsNothing()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Rules:0:SyncEdits"] = "false",
        });
        var lead = bridge.Account.AddDeal("Cyberdyne", price: 5_000);
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        var events = await bridge.Store.CountEventsAsync(CancellationToken.None);

        bridge.Kommo.Control.EditLead(new EditLead { LeadId = lead, Price = 6_000 });
        await Eventually.TrueAsync(async () => bridge.Kommo.Control.PendingWebhooks == 0 && await bridge.Store.CountEventsAsync(CancellationToken.None) > events, "the edit's webhook stored");
        await EditSteps.SettledAsync(bridge, editSyncs: 0);

        Assert.Empty(EditSteps.Updates(bridge, workflow.Id));
        Assert.DoesNotContain(await bridge.Store.ListAsync(null, 500, CancellationToken.None), j => j.Kind == JobKinds.SyncEdits);
        EditSteps.AssertNo429(bridge);
    }

    [Fact]
    public async Task ContactAndCompanyEdits_ReachTheWorkflowOfTheirDeal()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Initech");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        var deal = bridge.Kommo.Control.GetLead(lead)!;

        bridge.Kommo.Control.EditContact(new EditContact { ContactId = deal.Contacts.Single().ContactId, Emails = [new SeedContactChannel("bill.lumbergh@initech.example", "WORK")] });
        var first = await EditSteps.UpdateAsync(bridge, workflow.Id);
        bridge.Kommo.Control.EditCompany(new EditCompany { CompanyId = deal.CompanyId!.Value, Name = "Initech Holdings" });
        var second = await EditSteps.UpdateAsync(bridge, workflow.Id, number: 2);
        await EditSteps.SettledAsync(bridge, editSyncs: 2);

        Assert.Equal(["counterpartySignerEmail"], first.Changes.Keys);
        Assert.Equal("bill.lumbergh@initech.example", first.Changes["counterpartySignerEmail"]!.GetValue<string>());
        Assert.Contains("from contact.email: \"signer@client.example\" → \"bill.lumbergh@initech.example\"", first.Comment, StringComparison.Ordinal);
        Assert.Equal(["counterpartyName"], second.Changes.Keys);
        Assert.Contains("from company.name: \"Initech Ltd\" → \"Initech Holdings\"", second.Comment, StringComparison.Ordinal);
        Assert.Equal(2, EditSteps.Updates(bridge, workflow.Id).Count);
        EditSteps.AssertNo429(bridge);
    }
}
