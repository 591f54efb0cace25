using System.Text.Json.Nodes;

namespace ContractBridge.Ironclad.Api;

/// <summary>
/// A workflow as GET /workflows/{id} and the launch return it. <see cref="Step"/> (Create, Review, Sign, Archive, Complete)
/// and <see cref="Status"/> (active, paused, cancelled, completed) are the state.
/// </summary>
public sealed record IroncladWorkflow(
    string Id,
    string? IroncladId,
    string? Title,
    string? Template,
    string? Step,
    string? Status,
    JsonObject? Attributes,
    DateTimeOffset? Created,
    DateTimeOffset? LastUpdated,
    IroncladSignatures? Signatures)
{
    /// <summary>The workflow's own schema: each attribute's type and whether it is <c>readOnly</c>; null when not sent.</summary>
    public IReadOnlyDictionary<string, IroncladAttributeSchema>? Schema { get; init; }

    /// <summary>The records the workflow created (Ironclad makes them a little after it is executed); null when not sent.</summary>
    public IReadOnlyList<string>? RecordIds { get; init; }

    /// <summary>Whether legal can revert it to Review (a workflow out for signature).</summary>
    public bool? IsRevertibleToReview { get; init; }

    /// <summary>Only an active workflow in the Review step takes attribute updates.</summary>
    public bool IsInReview => string.Equals(Step, "Review", StringComparison.OrdinalIgnoreCase) && string.Equals(Status, "active", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The signature packet: state not_started, in_progress, complete, not_applicable.</summary>
public sealed record IroncladSignatures(string? State);

public sealed record IroncladWorkflowPage(int Page, int PageSize, int Count, IReadOnlyList<IroncladWorkflow> List);
