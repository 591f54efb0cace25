namespace ContractBridge.Simulators.Kommo.Auth;

/// <summary>
/// What the token endpoint answers: a new pair, or an error with its status and the <c>hint</c> Kommo puts in the body
/// ("Token has been revoked" when a refresh token is used a second time).
/// </summary>
internal sealed record TokenGrant(string? AccessToken, string? RefreshToken, long ExpiresIn, int ErrorStatus, string? ErrorHint)
{
    public bool Succeeded => AccessToken is not null;

    public static TokenGrant Issued(string accessToken, string refreshToken, long expiresIn) => new(accessToken, refreshToken, expiresIn, 0, null);

    public static TokenGrant Failed(int status, string hint) => new(null, null, 0, status, hint);
}
