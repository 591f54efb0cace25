using System.Globalization;
using ContractBridge.Configuration;

namespace ContractBridge.Flows.DealLoss;

/// <summary>The words said in Ironclad about a lost, moved-back or deleted deal: which deal, what happened, who did it.</summary>
public static class DealLossTexts
{
    /// <summary>"the Kommo deal 'Acme' (#123) was lost (Closed - lost, reason: Price) by Rita Rep".</summary>
    public static string Happened(DealLoss loss, string dealName, long leadId, string? by, string? lossReason)
    {
        var deal = string.Create(CultureInfo.InvariantCulture, $"the Kommo deal '{dealName}' (#{leadId})");
        var who = by is null ? string.Empty : $" by {by}";
        return loss.Kind switch
        {
            DealLossKind.Lost => $"{deal} was lost (Closed - lost{(lossReason is null ? string.Empty : $", reason: {lossReason}")}){who}",
            DealLossKind.MovedBack => $"{deal} was moved back to '{loss.StageName}', before '{loss.TriggerStageName}'{who}",
            _ => $"{deal} was deleted{who}",
        };
    }

    /// <summary>The comment on the workflow: what happened, the deal's link, and what the bridge does about it.</summary>
    public static string Comment(string happened, string? dealLink, DealLostAction action) =>
        $"ContractBridge: {Capitalised(happened)}.{(dealLink is null ? string.Empty : $" {dealLink}")}\n" + action switch
        {
            DealLostAction.Pause => "The workflow is paused.",
            DealLostAction.Cancel => "The workflow is cancelled.",
            _ => "Nothing was changed here: please decide whether this contract should go on.",
        };

    /// <summary>The comment a pause or cancel carries (Ironclad requires one).</summary>
    public static string ActionComment(string happened, DealLostAction action) =>
        $"{(action == DealLostAction.Pause ? "Paused" : "Cancelled")} by ContractBridge: {happened}.";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
