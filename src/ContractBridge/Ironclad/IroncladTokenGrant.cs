namespace ContractBridge.Ironclad;

/// <summary>What Ironclad's last client-credentials token said: when it expires and which scopes asked for it left out.</summary>
/// <param name="MissingScopes">Empty when every scope asked for was granted, or when the answer named no <c>scope</c> (all granted).</param>
public sealed record IroncladTokenGrant(DateTimeOffset ExpiresAt, IReadOnlyList<string> MissingScopes);
