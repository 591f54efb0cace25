namespace ContractBridge.Simulators.Kommo.Auth;

/// <summary>How the OAuth endpoint has been used, so a test can assert "exactly one refresh".</summary>
public sealed record OAuthStats(
    long Refreshes,
    long RejectedRefreshes,
    long RevokedRefreshReuses,
    long CodeExchanges,
    long AccessTokensIssued);
