namespace ContractBridge.Flows.Jobs;

/// <summary>Where a deal stood in Kommo (its pipeline and stage) when the bridge read it, and when that was.</summary>
public sealed record SeenLead(long PipelineId, long StatusId, DateTimeOffset At);
