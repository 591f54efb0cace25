namespace ContractBridge.Audit;

/// <summary>Who did it: the role they signed in as ("admin", "viewer", "anonymous") and the client address they came from.</summary>
public sealed record AuditActor(string Role, string? Client)
{
    /// <summary>"admin (10.0.0.7)", or the role alone: how a connection records who made it.</summary>
    public string Described => Client is { } client ? $"{Role} ({client})" : Role;
}
