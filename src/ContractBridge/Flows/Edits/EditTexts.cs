using System.Security.Cryptography;
using System.Text;
using ContractBridge.Contracts;

namespace ContractBridge.Flows.Edits;

/// <summary>
/// The words of edit syncs: the comment that goes with a PATCH (which deal field changed, from what to what) and the
/// notes a deal gets when its changes could not reach the contract. Fixed for a given change set, so a note can be
/// recognised as already written (<see cref="Fingerprint"/>).
/// </summary>
public static class EditTexts
{
    public static string Comment(long leadId, string? dealName, IReadOnlyList<AttributeEdit> edits) =>
        $"Updated from Kommo deal {Deal(leadId, dealName)} by ContractBridge:\n" + Lines(edits);

    /// <summary>The workflow cannot take changes now: where it is ("past review (step Sign)", "paused") and what can be done.</summary>
    public static string NotSent(ContractLink link, IroncladWorkflowPosition position, IReadOnlyList<AttributeEdit> edits, string workflowLink) =>
        $"Ironclad: contract {Contract(link)} is {position.Where}, so these changes of the deal did not reach it:\n"
        + Lines(edits)
        + $"\n{position.Advice}"
        + $"\n{workflowLink}";

    public static string Refused(ContractLink link, string reason, IReadOnlyList<AttributeEdit> edits, string workflowLink) =>
        $"Ironclad: contract {Contract(link)} did not take these changes of the deal ({reason}):\n" + Lines(edits) + $"\n{workflowLink}";

    /// <summary>A short hash of a change set and where the workflow was: the same changes at the same step note once.</summary>
    public static string Fingerprint(string step, IReadOnlyList<AttributeEdit> edits) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(step + "\n" + Lines(edits))))[..16];

    private static string Lines(IReadOnlyList<AttributeEdit> edits) => string.Join('\n', edits.Select(e => "• " + e.Describe()));

    private static string Contract(ContractLink link) => $"{link.IroncladNumber ?? link.WorkflowId} ({link.TemplateName})";

    private static string Deal(long leadId, string? name) =>
        string.IsNullOrWhiteSpace(name) ? $"#{leadId}" : $"#{leadId} \"{name}\"";
}
