namespace ContractBridge.Kommo.Webhooks;

/// <summary>One lead in a Kommo webhook, with the fields the bridge acts on (Kommo's old v2 names, as numbers).</summary>
/// <param name="ModifiedUserId">Who made the change (modified_user_id), when the webhook says.</param>
/// <param name="LossReasonId">The loss reason (loss_reason_id) of a lead moved to Closed-Lost, when the webhook says.</param>
public sealed record KommoLeadChange(
    KommoLeadAction Action,
    long LeadId,
    long? StatusId,
    long? OldStatusId,
    long? PipelineId,
    long? OldPipelineId,
    long? LastModified,
    long? ModifiedUserId = null,
    long? LossReasonId = null);
