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
    IroncladSignatures? Signatures);

/// <summary>The signature packet: state not_started, in_progress, complete, not_applicable.</summary>
public sealed record IroncladSignatures(string? State);

public sealed record IroncladWorkflowPage(int Page, int PageSize, int Count, IReadOnlyList<IroncladWorkflow> List);
