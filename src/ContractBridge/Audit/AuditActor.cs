namespace ContractBridge.Audit;

/// <summary>Who did it: the role they signed in as ("admin", "viewer", "anonymous") and the client address they came from.</summary>
public sealed record AuditActor(string Role, string? Client);
