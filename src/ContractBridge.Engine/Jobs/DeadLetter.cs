namespace ContractBridge.Engine.Jobs;

/// <summary>One time a job went to dead letters: the error history an operator reads before replaying.</summary>
public sealed record DeadLetter(long JobId, int Attempts, string Error, DateTimeOffset DeadAt, DateTimeOffset? ReplayedAt);
