using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Integration;

/// <summary>
/// Renewals from the record, over HTTP against both simulators: the executed contract's record is read (after Ironclad
/// makes it), its expiration date makes one renewal task for the deal's responsible user, a changed date moves that task,
/// and a status change becomes one note however often Ironclad says so.
/// </summary>
public sealed class RenewalTests
{
    [Fact]
    public async Task ExecutedContract_ItsRecordsExpiry_MakesOneRenewalTask_ForTheResponsibleUser_DaysBefore()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => RenewalSteps.WithEffectiveDateToday(daysBefore: 45));
        var lead = bridge.Account.AddDeal("Initech", price: 80_000);
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        // Fully signed first: the contract is executed before Ironclad has made its record, so the bridge must look again.
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Signed);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "signed (executed)");
        Assert.Empty(bridge.Ironclad.Control.Records());
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Archive);
        var task = await RenewalSteps.RenewalTaskAsync(bridge, lead);
        await RenewalSteps.QuietAsync(bridge);

        var record = RenewalSteps.Record(bridge, workflow);
        var expiration = record.ExpirationDate!.Value;
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(12), expiration);
        Assert.Equal(bridge.Account.RepId, task.ResponsibleUserId);
        Assert.Equal(RenewalSteps.DueAt(expiration, 45), task.CompleteTill);
        Assert.Contains(workflow.IroncladId, task.Text, StringComparison.Ordinal);
        Assert.Contains(expiration.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), task.Text, StringComparison.Ordinal);
        Assert.Single(RenewalSteps.RenewalTasks(bridge, lead));
        var stored = await RenewalSteps.Records(bridge).FindAsync(record.Id, CancellationToken.None);
        Assert.Equal((lead, task.Id, expiration), (stored!.LeadId, stored.TaskId, stored.TaskExpiration));
        RenewalSteps.AssertNo429(bridge);
    }

    [Fact]
    public async Task TheRecordsExpirationDate_IsWrittenToTheDealsExpirationDateField_AsKommoStoresADate()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>(RenewalSteps.WithEffectiveDateToday(daysBefore: 0))
        {
            ["ContractBridge:Writeback:ExpirationDate"] = "CONTRACT_EXPIRES",
        });
        var field = bridge.Kommo.Control.AddCustomField(new Simulators.Kommo.Control.Contracts.SeedCustomField { Name = "Contract expires on", Type = "date", Code = "CONTRACT_EXPIRES" });
        var lead = bridge.Account.AddDeal("Hooli");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);
        var written = await Eventually.GetAsync(
            () => bridge.Kommo.Control.GetLead(lead)!.CustomFields.FirstOrDefault(f => f.FieldId == field.Id)?.Values.FirstOrDefault()?.Value,
            "the expiration date on the deal",
            explain: bridge.Explain);
        await RenewalSteps.QuietAsync(bridge);

        // A date field holds unix seconds of the day's midnight in the account's time zone (UTC here); no task was asked for.
        var expiration = RenewalSteps.Record(bridge, workflow).ExpirationDate!.Value;
        Assert.Equal(new DateTimeOffset(expiration.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds(), written!.GetValue<long>());
        Assert.Empty(RenewalSteps.RenewalTasks(bridge, lead));
        RenewalSteps.AssertNo429(bridge);
    }

    [Fact]
    public async Task RenewalTaskDaysBeforeZero_ReadsTheRecord_AndMakesNoRenewalTask()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => RenewalSteps.WithEffectiveDateToday(daysBefore: 0));
        var lead = bridge.Account.AddDeal("Umbrella");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);
        var record = await Eventually.GetAsync(() => bridge.Ironclad.Control.Records().FirstOrDefault(), "the record");
        await Eventually.TrueAsync(async () => await RenewalSteps.Records(bridge).FindAsync(record.Id, CancellationToken.None) is not null, "the record read by the bridge", explain: bridge.Explain);
        await RenewalSteps.QuietAsync(bridge);

        Assert.NotNull(record.ExpirationDate);
        Assert.Empty(RenewalSteps.RenewalTasks(bridge, lead));
        Assert.All(bridge.Kommo.Control.GetLead(lead)!.Tasks, t => Assert.Contains("waiting for signature", t.Text, StringComparison.Ordinal));
        RenewalSteps.AssertNo429(bridge);
    }

    [Fact]
    public async Task ChangedExpirationDate_MovesTheRenewalTask_RatherThanMakingASecond()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => RenewalSteps.WithEffectiveDateToday(daysBefore: null));
        var lead = bridge.Account.AddDeal("Massive Dynamic");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);
        var first = await RenewalSteps.RenewalTaskAsync(bridge, lead);
        var record = RenewalSteps.Record(bridge, workflow);

        var later = record.ExpirationDate!.Value.AddMonths(6);
        bridge.Ironclad.Control.SetRecordExpiration(record.Id, later);
        var moved = await Eventually.GetAsync(
            () => RenewalSteps.RenewalTasks(bridge, lead).FirstOrDefault(t => t.CompleteTill == RenewalSteps.DueAt(later, 60)), "the renewal task moved", explain: bridge.Explain);
        bridge.Ironclad.Control.EmitRecordEvent(record.Id, "record_contract_status_changed");
        await RenewalSteps.QuietAsync(bridge);

        Assert.Equal(RenewalSteps.DueAt(record.ExpirationDate.Value, 60), first.CompleteTill);
        Assert.Equal(first.Id, moved.Id);
        Assert.Contains(later.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), moved.Text, StringComparison.Ordinal);
        Assert.Single(RenewalSteps.RenewalTasks(bridge, lead));
        Assert.DoesNotContain(LifecycleSteps.Notes(bridge, lead), n => n.Text?.Contains("the record of contract", StringComparison.Ordinal) == true);
        RenewalSteps.AssertNo429(bridge);
    }

    [Fact]
    public async Task RecordStatusChange_IsOneNote_HoweverOftenIroncladSaysIt()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => RenewalSteps.WithEffectiveDateToday(daysBefore: null));
        var lead = bridge.Account.AddDeal("Vandelay Industries");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);
        await RenewalSteps.RenewalTaskAsync(bridge, lead);
        var record = RenewalSteps.Record(bridge, workflow);

        bridge.Ironclad.Control.SetFaults(new ContractBridge.Simulators.Common.FaultProfile { WebhookDuplicateRate = 1 });
        bridge.Ironclad.Control.SetRecordStatus(record.Id, new RecordContractStatus("inactive", "inactive", "Expired on Jan 1, 2027"));
        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "the record of contract");
        bridge.Ironclad.Control.EmitRecordEvent(record.Id, "record_contract_status_changed");
        bridge.Ironclad.Control.EmitRecordEvent(record.Id, "record_contract_status_changed");
        await RenewalSteps.QuietAsync(bridge);

        Assert.StartsWith("Ironclad:", note.Text, StringComparison.Ordinal);
        Assert.Contains(workflow.IroncladId, note.Text, StringComparison.Ordinal);
        Assert.Contains("inactive", note.Text, StringComparison.Ordinal);
        Assert.Contains("Expired on Jan 1, 2027", note.Text, StringComparison.Ordinal);
        Assert.Single(LifecycleSteps.Notes(bridge, lead), n => n.Text?.Contains("the record of contract", StringComparison.Ordinal) == true);
        Assert.Single(RenewalSteps.RenewalTasks(bridge, lead));
        Assert.True(bridge.Ironclad.Control.Record(record.Id)!.Events.Count >= 3);
        RenewalSteps.AssertNo429(bridge);
    }
}
