using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// A launched workflow as the simulator keeps it. Mutable, and only touched under the state's lock; the outside world
/// sees <see cref="WorkflowSnapshot"/>s and JSON built from it.
/// </summary>
public sealed class Workflow
{
    public required string Id { get; init; }

    public required int Number { get; init; }

    public string IroncladId => $"IC-{Number}";

    public required string Title { get; init; }

    public required WorkflowTemplate Template { get; init; }

    public required JsonObject Attributes { get; init; }

    public required IroncladUser Creator { get; init; }

    public required DateTimeOffset Created { get; init; }

    public DateTimeOffset LastUpdated { get; set; }

    public WorkflowStage Stage { get; set; } = WorkflowStage.Review;

    public WorkflowStatus Status { get; set; } = WorkflowStatus.Active;

    public required string DocumentKey { get; init; }

    public List<DocumentVersion> DocumentVersions { get; } = [];

    public List<string> RecordIds { get; } = [];

    public List<EmittedEvent> Events { get; } = [];

    /// <summary>Every accepted attribute PATCH, oldest first, with its comment.</summary>
    public List<AttributeUpdate> AttributeUpdates { get; } = [];

    /// <summary>The activity feed's comments, oldest first: those posted, and the ones cancel, pause and resume carry.</summary>
    public List<WorkflowComment> Comments { get; } = [];

    /// <summary>The approvals triggered on the workflow, in the order they were requested.</summary>
    public List<WorkflowApproval> Approvals { get; } = [];

    /// <summary>The turn history, first turn first; the last turn is the current one (no end).</summary>
    public List<WorkflowTurn> Turns { get; } = [];

    /// <summary>Bumped on every change, so an auto-advance timer set before the change knows it is stale.</summary>
    public long Generation { get; set; }

    public DocumentVersion CurrentDocument => DocumentVersions[^1];

    public bool IsFinished => Status is WorkflowStatus.Cancelled or WorkflowStatus.Completed;

    public bool IsRevertibleToReview => Status == WorkflowStatus.Active && Stage == WorkflowStage.Sign;

    public string DocumentFilename => $"{Template.Name} - {IroncladId}.pdf";

    public WorkflowSnapshot Snapshot() => new(
        Id,
        IroncladId,
        Title,
        Template.Id,
        Template.Name,
        WireNames.Step(Stage),
        Stage,
        WireNames.Status(Status),
        (JsonObject)Attributes.DeepClone(),
        Creator.Email,
        Created,
        LastUpdated,
        [.. DocumentVersions],
        [.. Events])
    {
        AttributeUpdates = [.. AttributeUpdates],
    };
}
