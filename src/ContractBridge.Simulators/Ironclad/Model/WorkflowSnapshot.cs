using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>A workflow as the control API reports it: state, attributes, documents, signers and every event it produced.</summary>
public sealed record WorkflowSnapshot(
    string Id,
    string IroncladId,
    string Title,
    string TemplateId,
    string TemplateName,
    string Step,
    WorkflowStage Stage,
    string Status,
    JsonObject Attributes,
    string CreatorEmail,
    DateTimeOffset Created,
    DateTimeOffset LastUpdated,
    IReadOnlyList<DocumentVersion> DocumentVersions,
    IReadOnlyList<EmittedEvent> Events)
{
    /// <summary>The attribute PATCHes Ironclad accepted, oldest first.</summary>
    public IReadOnlyList<AttributeUpdate> AttributeUpdates { get; init; } = [];

    /// <summary>Every document in display order, the main contract first (<see cref="DocumentVersions"/> are its versions).</summary>
    public IReadOnlyList<DocumentSnapshot> Documents { get; init; } = [];

    /// <summary>The signature packet's signers while it is out for signature or signed.</summary>
    public IReadOnlyList<SignerSnapshot> Signers { get; init; } = [];

    /// <summary>The reminders Ironclad sent signers, oldest first.</summary>
    public IReadOnlyList<SignerReminder> Reminders { get; init; } = [];
}
