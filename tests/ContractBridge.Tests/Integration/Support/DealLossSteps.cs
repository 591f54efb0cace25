using System.Text;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Tests.Integration.Support;

/// <summary>What a rep does to a deal whose contract is under way, and what the bridge then said in Ironclad.</summary>
internal static class DealLossSteps
{
    public static void MarkLost(BridgeHarness bridge, long lead, long? lossReasonId = null) =>
        bridge.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [lead], StatusId = ContractBridge.Kommo.KommoStatuses.ClosedLost, LossReasonId = lossReasonId, ByUserId = bridge.Account.RepId });

    public static IReadOnlyList<WorkflowComment> Comments(BridgeHarness bridge, string workflowId) => bridge.Ironclad.Control.Comments(workflowId)!;

    public static Task<WorkflowComment> CommentContainingAsync(BridgeHarness bridge, string workflowId, string text) =>
        Eventually.GetAsync(() => Comments(bridge, workflowId).FirstOrDefault(c => c.Message.Contains(text, StringComparison.Ordinal)), $"a comment on {workflowId} containing '{text}'", explain: bridge.Explain);

    /// <summary>Waits until the bridge has no job pending or running: everything it was going to do is done.</summary>
    public static Task SettledAsync(BridgeHarness bridge) =>
        Eventually.TrueAsync(async () => await bridge.Store.CountAsync(CancellationToken.None) is { Pending: 0, Running: 0 } && bridge.Kommo.Control.PendingWebhooks == 0 && bridge.Ironclad.Control.PendingWebhooks == 0, "the bridge to settle", explain: bridge.Explain);

    public static async Task<(System.Net.HttpStatusCode Status, string Body)> PostKommoWebhookAsync(BridgeHarness bridge, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await bridge.Http.PostAsync(new Uri(BridgeHarness.KommoWebhookPath, UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
