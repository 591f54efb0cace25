using ContractBridge.Contracts;
using ContractBridge.Flows.Mapping;

namespace ContractBridge.Flows;

/// <summary>
/// The words the bridge leaves on a deal. Every note names the contract and says what happened and, when something
/// failed, exactly what a person should do. Texts are fixed when the job is created, so a retry writes the same text
/// (which is how a retry recognises a note it already wrote).
/// </summary>
public static class DealNotes
{
    /// <summary>
    /// How every note the bridge writes begins. A note relayed to legal must start with the legal prefix, and
    /// configuration refuses a prefix any of these could start with, so the bridge's own notes never reach legal
    /// (see <see cref="CouldStartWith"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> LeadIns = ["Ironclad:", "Follow up:", "The deal moved", "The deal was not moved"];

    /// <summary>True when a note of the bridge could begin with <paramref name="prefix"/> (compared case-insensitively).</summary>
    public static bool CouldStartWith(string prefix) => LeadIns.Any(leadIn =>
        leadIn.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || prefix.StartsWith(leadIn, StringComparison.OrdinalIgnoreCase));

    public static string Launched(string template, string ironcladNumber, string workflowId, string link) =>
        $"Ironclad: contract {ironcladNumber} ({template}) launched for this deal.\nWorkflow {workflowId}: {link}";

    public static string AlreadyInProgress(string template, ContractLink existing, string? link) =>
        $"Ironclad: no new {template} launched: contract {existing.IroncladNumber ?? "(being launched)"} ({existing.TemplateName}) is already {StateWords(existing.State)} for this deal."
        + (link is null ? string.Empty : $"\n{link}");

    public static string LaunchProblems(string template, IReadOnlyList<MappingProblem> problems, string stageName) =>
        $"Ironclad: the {template} contract could not be launched:\n"
        + string.Join('\n', problems.Select(p => $"• {p.Attribute} {p.Message}"))
        + $"\nFix this, then move the deal to '{stageName}' again.";

    public static string LaunchRefused(string template, string reason, string stageName) =>
        $"Ironclad: the {template} contract could not be launched: {reason}.\nFix this, then move the deal to '{stageName}' again.";

    public static string NotLaunchedClosed(string template, string stageName) =>
        $"Ironclad: the {template} contract was not launched: the deal is already in '{stageName}'.";

    public static string SentForSignature(string contract, string link) =>
        $"Ironclad: contract {contract} was sent for signature.\n{link}";

    public static string SignatureTask(string contract) =>
        $"Follow up: Ironclad contract {contract} is waiting for signature.";

    /// <summary>A signer has not signed after <paramref name="waited"/> (words: "5 days"): the rep's task, naming them and their role.</summary>
    public static string NudgeTask(string contract, string signerName, string signerEmail, string roleName, string status, string waited) =>
        $"Follow up: {signerName} ({signerEmail}, {roleName}) has not signed Ironclad contract {contract} after {waited}"
        + (string.Equals(status, "declined", StringComparison.OrdinalIgnoreCase) ? " (they declined it)." : ".");

    public static string ExecutedLead(string contract) => $"Ironclad: contract {contract} was signed (executed).";

    public static string CancelledLead(string contract) => $"Ironclad: contract {contract} was cancelled.";

    public static string BackToReview(string contract, string link) =>
        $"Ironclad: contract {contract} went back to review; the signature packet is withdrawn.\n{link}";

    public static string Moved(string stageName) => $"The deal moved to '{stageName}'.";

    public static string NotMoved(string why) => $"The deal was not moved: {why}.";

    /// <summary>Kommo refused the move itself: its reason, and what a person can do about it.</summary>
    public static string MoveRefused(string stageName, string reason) =>
        NotMoved($"Kommo refused to move it to '{stageName}' ({reason}); move it by hand if it belongs there");

    public static string DocumentNotAttached(string contract, string fileName, string reason, string link) =>
        $"Ironclad: the signed document '{fileName}' of contract {contract} could not be attached here ({reason}). Open it in Ironclad: {link}";

    /// <summary>Ironclad would not list the signature packet, so no document of it could be named or attached.</summary>
    public static string DocumentsNotListed(string contract, string reason, string link) =>
        $"Ironclad: the signed documents of contract {contract} could not be attached here ({reason}). Open them in Ironclad: {link}";

    public static string NoSignedDocument(string contract, string link) =>
        $"Ironclad: contract {contract} has no signed document to attach yet. Open it in Ironclad: {link}";

    /// <summary>What the bridge did in Ironclad after the deal was lost, moved back or deleted.</summary>
    public static string DealLostSaid(string contract, string happened, string done, string link) =>
        $"Ironclad: contract {contract}: {happened}, so {done}.\n{link}";

    public static string LegalQuestionSent(string contract, string link) =>
        $"Ironclad: your question was sent to legal as a comment on contract {contract}.\n{link}";

    public static string LegalQuestionNotSent(string prefix) =>
        $"Ironclad: this {prefix} note was not sent to legal: the deal has no contract in progress.";

    public static string StateWords(ContractState state) => state switch
    {
        ContractState.Launching => "being launched",
        ContractState.Created => "launched",
        ContractState.Draft => "in draft",
        ContractState.Review => "in review",
        ContractState.Signature => "out for signature",
        ContractState.Executed => "signed (executed)",
        ContractState.Cancelled => "cancelled",
        _ => state.ToString(),
    };
}
