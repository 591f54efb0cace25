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

    /// <summary>The workflow's documents in display order: the main contract first, then exhibits and documents added later.</summary>
    public List<WorkflowDocument> Documents { get; } = [];

    /// <summary>The packet's signers once it has gone out for signature (empty before, and again after a revert to Review).</summary>
    public List<WorkflowSigner> Signers { get; } = [];

    /// <summary>Every reminder sent to a signer, oldest first.</summary>
    public List<SignerReminder> Reminders { get; } = [];

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

    public WorkflowDocument MainDocument => Documents[0];

    public IEnumerable<WorkflowDocument> SignaturePacket => Documents.Where(d => d.InSignaturePacket);

    public bool IsFinished => Status is WorkflowStatus.Cancelled or WorkflowStatus.Completed;

    public bool IsRevertibleToReview => Status == WorkflowStatus.Active && Stage == WorkflowStage.Sign;

    public string MainDocumentFilename => $"{Template.Name} - {IroncladId}.pdf";

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
        [.. MainDocument.Versions],
        [.. Events])
    {
        AttributeUpdates = [.. AttributeUpdates],
        Documents = [.. Documents.Select(d => d.Snapshot())],
        Signers = [.. Signers.Select(s => s.Snapshot())],
        Reminders = [.. Reminders],
    };
}
