using System.Globalization;
using ContractBridge.Contracts;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Integration.Support;

/// <summary>A contract's life past execution, as the renewal tests drive it: its record, its renewal task.</summary>
internal static class RenewalSteps
{
    /// <summary>The MSA rule (renewal task <paramref name="daysBefore"/> days before expiry) with a mapping that gives the workflow an effective date (today) and so its record an expiration date.</summary>
    public static Dictionary<string, string?> WithEffectiveDateToday(int? daysBefore)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ContractBridge:Rules:0:Mapping:counterpartyName"] = "company.name ?? contact.name",
            ["ContractBridge:Rules:0:Mapping:contractValue"] = "lead.price",
            ["ContractBridge:Rules:0:Mapping:counterpartySignerName"] = "contact.name",
            ["ContractBridge:Rules:0:Mapping:counterpartySignerEmail"] = "contact.email",
            ["ContractBridge:Rules:0:Mapping:effectiveDate"] = "today",
        };

        // Null leaves the setting out: the rule's default (60 days).
        if (daysBefore is { } days)
        {
            settings["ContractBridge:Rules:0:OnExecuted:RenewalTaskDaysBefore"] = days.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }

    public static IContractRecordStore Records(BridgeHarness bridge) => bridge.App.Services.GetRequiredService<IContractRecordStore>();

    /// <summary>The workflow's record, once Ironclad has made it (the workflow reached Archive).</summary>
    public static RecordSnapshot Record(BridgeHarness bridge, WorkflowSnapshot workflow) =>
        Assert.Single(bridge.Ironclad.Control.Records(), r => r.WorkflowId == workflow.Id);

    public static IReadOnlyList<TaskView> RenewalTasks(BridgeHarness bridge, long lead) =>
        [.. bridge.Kommo.Control.GetLead(lead)!.Tasks.Where(t => t.Text.StartsWith("Follow up: renew", StringComparison.Ordinal))];

    public static Task<TaskView> RenewalTaskAsync(BridgeHarness bridge, long lead) =>
        Eventually.GetAsync(() => RenewalTasks(bridge, lead).FirstOrDefault(), $"lead {lead}'s renewal task", explain: bridge.Explain);

    /// <summary>Due at noon UTC <paramref name="daysBefore"/> days before the expiration date.</summary>
    public static long DueAt(DateOnly expiration, int daysBefore) =>
        new DateTimeOffset(expiration.AddDays(-daysBefore).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>No webhook in flight and no job pending or running: every consequence of what happened is in.</summary>
    public static async Task QuietAsync(BridgeHarness bridge)
    {
        await Eventually.TrueAsync(() => bridge.Ironclad.Control.PendingWebhooks == 0, "every Ironclad delivery to finish");
        await Eventually.TrueAsync(async () => (await bridge.Store.CountAsync(CancellationToken.None)) is { Pending: 0, Running: 0 }, "every job to finish", explain: bridge.Explain);
    }

    public static void AssertNo429(BridgeHarness bridge)
    {
        Assert.Equal(0, bridge.Ironclad.Control.Calls().TooManyRequests);
        Assert.Equal(0, bridge.Kommo.Control.Calls.TooManyRequests);
    }
}
