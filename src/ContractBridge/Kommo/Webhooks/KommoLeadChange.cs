namespace ContractBridge.Kommo.Webhooks;

/// <summary>One lead in a Kommo webhook, with the fields the bridge acts on (Kommo's old v2 names, as numbers).</summary>
/// <param name="ModifiedUserId">Who made the change (modified_user_id), when the webhook says.</param>
/// <param name="LossReasonId">The loss reason (loss_reason_id) of a lead moved to Closed-Lost, when the webhook says.</param>
/// <remarks>
/// Equality is the change itself (action, lead, stages, last_modified): who made it and why describe it, and a body that
/// leaves them out (a digital-pipeline webhook) announces the same change.
/// </remarks>
public sealed record KommoLeadChange(
    KommoLeadAction Action,
    long LeadId,
    long? StatusId,
    long? OldStatusId,
    long? PipelineId,
    long? OldPipelineId,
    long? LastModified,
    long? ModifiedUserId = null,
    long? LossReasonId = null)
{
    public bool Equals(KommoLeadChange? other) =>
        other is not null && Action == other.Action && LeadId == other.LeadId && StatusId == other.StatusId && OldStatusId == other.OldStatusId
        && PipelineId == other.PipelineId && OldPipelineId == other.OldPipelineId && LastModified == other.LastModified;

    public override int GetHashCode() => HashCode.Combine(Action, LeadId, StatusId, OldStatusId, PipelineId, OldPipelineId, LastModified);
}
