namespace ContractBridge.Kommo.Api;

/// <summary>
/// One item of a (batch) PATCH /api/v4/leads. Status ids 142/143 are the same in every pipeline: always send pipeline_id.
/// <see cref="RequestId"/> names it in Kommo's answer (see <see cref="IKommoBatchItem"/>).
/// </summary>
public sealed record KommoLeadUpdate(long Id, long? StatusId, long? PipelineId, long? LossReasonId = null, string? RequestId = null) : IKommoBatchItem;
