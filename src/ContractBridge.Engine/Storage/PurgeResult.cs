namespace ContractBridge.Engine.Storage;

/// <summary>What a retention pass removed.</summary>
public sealed record PurgeResult(long Jobs, long Events);
