namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>One run of one job, as a test handler saw it.</summary>
public sealed record JobRun(long JobId, string Key, string Payload, int Attempt, string Instance);
