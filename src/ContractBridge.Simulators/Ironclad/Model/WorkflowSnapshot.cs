using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>A workflow as the control API reports it: state, attributes, documents and every event it produced.</summary>
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
}
