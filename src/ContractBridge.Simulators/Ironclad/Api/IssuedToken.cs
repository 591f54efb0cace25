namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>One OAuth access token as the simulator remembers it.</summary>
public sealed record IssuedToken(IReadOnlySet<string> Scopes, DateTimeOffset ExpiresAt, bool Revoked = false);
