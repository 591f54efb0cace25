namespace ContractBridge.Audit;

/// <summary>One thing a person did: when, who (their role), what (<see cref="AuditActions"/>), about what, from where.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Detail, string? Client);
