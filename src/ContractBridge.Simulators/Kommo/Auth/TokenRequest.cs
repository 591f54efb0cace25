namespace ContractBridge.Simulators.Kommo.Auth;

/// <summary>The body of <c>POST /oauth2/access_token</c>.</summary>
internal sealed record TokenRequest(
    string? ClientId,
    string? ClientSecret,
    string? GrantType,
    string? RefreshToken,
    string? Code,
    string? RedirectUri);
