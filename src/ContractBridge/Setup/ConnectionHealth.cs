namespace ContractBridge.Setup;

/// <summary>
/// One connection's health as /setup shows it: the token's expiry (or why it is not known), when this instance last
/// had a 2xx from the service, and the scopes the bridge needs that the credential lacks.
/// </summary>
/// <param name="Expiry">"expires 2026-12-04 13:00 UTC, renewed automatically", or why the expiry is not known.</param>
/// <param name="MissingScopes">Null when the credential does not say what it may do (an Ironclad API key).</param>
public sealed record ConnectionHealth(string Expiry, DateTimeOffset? LastSuccessAt, IReadOnlyList<string>? MissingScopes)
{
    public bool ScopesKnown => MissingScopes is not null;
}
