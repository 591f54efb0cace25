namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A stage of a pipeline, as an event's <c>lead_status</c> names it.</summary>
internal sealed record LeadStage(long PipelineId, long StatusId);
