namespace ContractBridge.Kommo.Api;

/// <summary>
/// One item of a (batch) PATCH /api/v4/leads. Status ids 142/143 are the same in every pipeline: always send pipeline_id.
/// <see cref="RequestId"/> names it in Kommo's answer (see <see cref="IKommoBatchItem"/>). Custom fields given replace
/// those fields' values and leave the others; <c>tags_to_add</c> and <c>tags_to_delete</c> change only the tags they
/// name (<c>_embedded.tags</c> would replace every tag the deal has, the rep's included).
/// </summary>
public sealed record KommoLeadUpdate(
    long Id,
    long? StatusId,
    long? PipelineId,
    long? LossReasonId = null,
    string? RequestId = null,
    IReadOnlyList<KommoFieldValuesUpdate>? CustomFieldsValues = null,
    IReadOnlyList<KommoTagName>? TagsToAdd = null,
    IReadOnlyList<KommoTagName>? TagsToDelete = null) : IKommoBatchItem;
