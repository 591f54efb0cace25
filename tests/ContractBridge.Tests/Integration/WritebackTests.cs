using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Integration;

/// <summary>
/// The contract in the deal's own fields, over real HTTP against both simulators: what Kommo holds is read from the
/// Kommo simulator, which checks every value against its field's type and options as Kommo does.
/// </summary>
public sealed class WritebackTests
{
    [Fact]
    public async Task LaunchStateChangesAndExecution_WriteTheContractIntoTheDealsFields_WithTheirTypes_AndTags()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => WritebackAccount.Settings());
        var fields = WritebackAccount.Seed(bridge.Kommo);
        var lead = bridge.Account.AddDeal("Stark Industries");

        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        await StateAsync(bridge, lead, fields, "In review");
        var launched = bridge.Kommo.Control.GetLead(lead)!;
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);
        await StateAsync(bridge, lead, fields, "Out for signature");
        var signature = bridge.Kommo.Control.GetLead(lead)!;
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Archive);
        await StateAsync(bridge, lead, fields, "Signed");
        await EditSteps.SettledAsync(bridge, editSyncs: 0);
        var executed = bridge.Kommo.Control.GetLead(lead)!;

        Assert.Equal(workflow.IroncladId, Value(launched, fields.Number)!.GetValue<string>());
        Assert.Equal("text", launched.CustomFields.Single(f => f.FieldId == fields.Number.Id).FieldType);
        Assert.EndsWith($"/workflows/{workflow.Id}", Value(launched, fields.Link)!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(fields.State.EnumIds["In review"], Item(launched, fields.State).EnumId);
        Assert.Null(Value(launched, fields.Signed));
        Assert.Empty(launched.Tags);
        Assert.Equal(fields.State.EnumIds["Out for signature"], Item(signature, fields.State).EnumId);
        Assert.Equal(["contract-out"], signature.Tags);
        Assert.Equal(fields.State.EnumIds["Signed"], Item(executed, fields.State).EnumId);
        Assert.InRange(Value(executed, fields.Signed)!.GetValue<long>(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.Equal(["contract-signed", "won"], executed.Tags);
        Assert.Equal(workflow.IroncladId, Value(executed, fields.Number)!.GetValue<string>());
        Assert.All(await WritebackJobsAsync(bridge), j => Assert.Equal(JobStatus.Succeeded, j.Status));
        Assert.Empty(EditSteps.Updates(bridge, workflow.Id));
        EditSteps.AssertNo429(bridge);
    }

    [Fact]
    public async Task DealsWrittenTogether_GoInOnePatch()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => WritebackAccount.Settings());
        var fields = WritebackAccount.Seed(bridge.Kommo);
        var leads = Enumerable.Range(1, 6).Select(i => bridge.Account.AddDeal($"Deal {i}")).ToArray();
        bridge.Account.MoveToSendContract(leads);

        foreach (var lead in leads)
        {
            await StateAsync(bridge, lead, fields, "In review");
        }

        await EditSteps.SettledAsync(bridge, editSyncs: 0);
        var writebacks = await WritebackJobsAsync(bridge);
        var patches = bridge.Kommo.Control.Calls.ByEndpoint["PATCH /api/v4/leads"];

        // Each deal's number, link and state in review: six writes in fewer calls.
        Assert.Equal(6, writebacks.Count);
        Assert.InRange(patches, 1, 5);
        EditSteps.AssertNo429(bridge);
    }

    [Fact]
    public async Task AFieldDeletedInKommo_IsRefusedByKommo_AndTheDeadLetterSaysWhichSettingAndWhy()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => WritebackAccount.Settings());
        var fields = WritebackAccount.Seed(bridge.Kommo);
        var lead = bridge.Account.AddDeal("Wayne Enterprises");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        await StateAsync(bridge, lead, fields, "In review");

        bridge.Kommo.Control.DeleteCustomField(fields.State.Id);
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);
        var dead = await Eventually.GetAsync(async () => (await WritebackJobsAsync(bridge)).OrderBy(j => j.Id).FirstOrDefault(j => j.Status == JobStatus.Dead), "the refused writeback's dead letter", explain: bridge.Explain);

        Assert.Contains($"Kommo refused the contract fields of lead {lead}", dead.LastError, StringComparison.Ordinal);
        Assert.Contains("field_id", dead.LastError, StringComparison.Ordinal);
        Assert.Contains("(NotSupportedChoice)", dead.LastError, StringComparison.Ordinal);
        Assert.Contains($"[Writeback:ContractState (field {fields.State.Id})]", dead.LastError, StringComparison.Ordinal);
        Assert.Empty(bridge.Kommo.Control.GetLead(lead)!.Tags);

        // The definitions are read again after the refusal: the next write leaves the missing field out, writes the rest, and says so.
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Archive);
        await Eventually.TrueAsync(() => bridge.Kommo.Control.GetLead(lead)!.Tags.Contains("contract-signed"), "the executed contract's tags", explain: bridge.Explain);
        var second = await Eventually.GetAsync(async () => (await WritebackJobsAsync(bridge)).OrderBy(j => j.Id).Where(j => j.Status == JobStatus.Dead).Skip(1).FirstOrDefault(), "the second dead letter", explain: bridge.Explain);
        Assert.Contains($"Writeback:ContractState names the field '{WritebackAccount.StateCode}', which Kommo's leads do not have", second.LastError, StringComparison.Ordinal);
        Assert.NotNull(Value(bridge.Kommo.Control.GetLead(lead)!, fields.Signed));
        EditSteps.AssertNo429(bridge);
    }

    [Fact]
    public async Task TheBridgesOwnWriteback_IsNoDealEdit_EvenForAMappingThatReadsItsField()
    {
        await using var bridge = await BridgeHarness.StartAsync(
            configuration: _ => new Dictionary<string, string?>(WritebackAccount.Settings())
            {
                // Were the bridge's number a rep's edit, the counterparty would become "IC-…" in Ironclad.
                ["ContractBridge:Rules:0:Mapping:counterpartyName"] = $"lead.cf[{WritebackAccount.NumberCode}] ?? company.name",
                ["ContractBridge:Rules:0:Mapping:contractValue"] = "lead.price",
                ["ContractBridge:Rules:0:Mapping:counterpartySignerName"] = "contact.name",
                ["ContractBridge:Rules:0:Mapping:counterpartySignerEmail"] = "contact.email",
            });
        var fields = WritebackAccount.Seed(bridge.Kommo);
        var lead = bridge.Account.AddDeal("Tyrell Corp", price: 40_000);
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        await StateAsync(bridge, lead, fields, "In review");
        await EditSteps.SettledAsync(bridge, editSyncs: 1);

        var editSyncs = (await bridge.Store.ListAsync(null, 500, CancellationToken.None)).Count(j => j.Kind == JobKinds.SyncEdits);
        Assert.True(editSyncs >= 1, "the writeback's update_lead webhook reached the edit sync");
        Assert.Empty(EditSteps.Updates(bridge, workflow.Id));
        Assert.Equal("Tyrell Corp Ltd", bridge.Ironclad.Control.Workflow(workflow.Id)!.Attributes["counterpartyName"]!.GetValue<string>());
        Assert.DoesNotContain(LifecycleSteps.Notes(bridge, lead), n => n.Text?.Contains("did not reach it", StringComparison.Ordinal) == true);

        // A rep's edit still goes through, and the bridge's field still does not.
        bridge.Kommo.Control.EditLead(new EditLead { LeadId = lead, Price = 45_000 });
        var update = await EditSteps.UpdateAsync(bridge, workflow.Id);
        Assert.Equal(["contractValue"], update.Changes.Keys);
        EditSteps.AssertNo429(bridge);
    }

    private static Task StateAsync(BridgeHarness bridge, long lead, WritebackAccount fields, string label) =>
        Eventually.TrueAsync(
            () => bridge.Kommo.Control.GetLead(lead)!.CustomFields.FirstOrDefault(f => f.FieldId == fields.State.Id)?.Values.FirstOrDefault()?.EnumId == fields.State.EnumIds[label],
            $"lead {lead}'s contract state '{label}'",
            explain: () => bridge.Explain() + "\nLead's fields: " + System.Text.Json.JsonSerializer.Serialize(bridge.Kommo.Control.GetLead(lead)!.CustomFields));

    private static System.Text.Json.Nodes.JsonNode? Value(LeadInspection lead, SeededCustomField field) =>
        lead.CustomFields.FirstOrDefault(f => f.FieldId == field.Id)?.Values.FirstOrDefault()?.Value;

    private static FieldValueItemView Item(LeadInspection lead, SeededCustomField field) =>
        lead.CustomFields.Single(f => f.FieldId == field.Id).Values.Single();

    private static async Task<List<JobSummary>> WritebackJobsAsync(BridgeHarness bridge) =>
        [.. (await bridge.Store.ListAsync(null, 500, CancellationToken.None)).Where(j => j.Kind == JobKinds.Writeback)];
}
