namespace ContractBridge.Kommo.Api;

/// <summary>A stage of a pipeline: what <c>filter[statuses]</c> and <c>filter[value_after][leads_statuses]</c> name.</summary>
public sealed record KommoStage(long PipelineId, long StatusId);
