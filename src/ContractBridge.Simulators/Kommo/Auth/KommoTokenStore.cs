using System.Security.Cryptography;

namespace ContractBridge.Simulators.Kommo.Auth;

/// <summary>
/// The account's credentials: long-lived tokens (one integration each), OAuth access tokens that expire on the simulator
/// clock, single-use refresh tokens and authorization codes. A used refresh token stays known as revoked, so its second
/// use is told "Token has been revoked" rather than "unknown".
/// </summary>
internal sealed class KommoTokenStore
{
    /// <summary>Kommo's authorization codes live 20 minutes.</summary>
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(20);

    private readonly KommoSimulatorOptions _options;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _longLived = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccessTokenState> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _refreshUsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _codes = new(StringComparer.Ordinal);
    private int _integrations;
    private long _refreshes;
    private long _rejectedRefreshes;
    private long _revokedReuses;
    private long _codeExchanges;
    private long _accessIssued;
    private string _redirectUri;

    public KommoTokenStore(KommoSimulatorOptions options)
    {
        _options = options;
        _redirectUri = options.RedirectUri;
        _longLived[options.LongLivedToken] = "private-integration";
        _refreshUsed[options.InitialRefreshToken] = false;
    }

    /// <summary>
    /// The integration's redirect URI, where the consent page sends the admin with a code. Kommo keeps it in the
    /// integration's settings, where an admin may change it; the code exchange must then name the same URI.
    /// </summary>
    public string RedirectUri
    {
        get => Volatile.Read(ref _redirectUri);
        set => Volatile.Write(ref _redirectUri, value);
    }

    /// <summary>The integration id of OAuth callers: one per client, as Kommo counts its limit.</summary>
    public string OAuthIntegrationId => "oauth:" + _options.ClientId;

    public OAuthStats Stats
    {
        get
        {
            lock (_lock)
            {
                return new OAuthStats(_refreshes, _rejectedRefreshes, _revokedReuses, _codeExchanges, _accessIssued);
            }
        }
    }

    public AuthenticationResult Authenticate(string? authorization, DateTimeOffset now)
    {
        const string Scheme = "Bearer ";
        if (string.IsNullOrEmpty(authorization))
        {
            return AuthenticationResult.Rejected("Authorization header is missing");
        }

        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Rejected("Authorization header must be a Bearer token");
        }

        var token = authorization[Scheme.Length..].Trim();
        lock (_lock)
        {
            if (_longLived.TryGetValue(token, out var integration))
            {
                return AuthenticationResult.Accepted(integration);
            }

            if (_access.TryGetValue(token, out var access))
            {
                return now < access.ExpiresAt
                    ? AuthenticationResult.Accepted(access.IntegrationId)
                    : AuthenticationResult.Rejected("Access token has expired");
            }
        }

        return AuthenticationResult.Rejected("Access token is invalid");
    }

    public TokenGrant Grant(TokenRequest request, DateTimeOffset now)
    {
        if (!string.Equals(request.ClientId, _options.ClientId, StringComparison.Ordinal)
            || !FixedTimeEquals(request.ClientSecret, _options.ClientSecret))
        {
            return TokenGrant.Failed(StatusCodes.Status401Unauthorized, "Client authentication failed");
        }

        if (!string.Equals(request.RedirectUri, RedirectUri, StringComparison.Ordinal))
        {
            return TokenGrant.Failed(StatusCodes.Status400BadRequest, "redirect_uri does not match the integration's redirect URI");
        }

        return request.GrantType switch
        {
            "refresh_token" => Refresh(request.RefreshToken, now),
            "authorization_code" => ExchangeCode(request.Code, now),
            _ => TokenGrant.Failed(StatusCodes.Status400BadRequest, "grant_type must be authorization_code or refresh_token"),
        };
    }

    /// <summary>What an admin gets by clicking "Allow" on the consent screen: a code to exchange within 20 minutes.</summary>
    public string IssueAuthorizationCode(DateTimeOffset now)
    {
        var code = NewToken();
        lock (_lock)
        {
            _codes[code] = now + CodeLifetime;
        }

        return code;
    }

    /// <summary>Installs another private integration on the account; its token has its own per-integration limit.</summary>
    public (string IntegrationId, string Token) AddIntegration()
    {
        var token = NewToken();
        lock (_lock)
        {
            var id = $"integration-{++_integrations}";
            _longLived[token] = id;
            return (id, token);
        }
    }

    private TokenGrant Refresh(string? refreshToken, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (refreshToken is null || !_refreshUsed.TryGetValue(refreshToken, out var used))
            {
                _rejectedRefreshes++;
                return TokenGrant.Failed(StatusCodes.Status401Unauthorized, "Refresh token is invalid");
            }

            if (used)
            {
                _rejectedRefreshes++;
                _revokedReuses++;
                return TokenGrant.Failed(StatusCodes.Status401Unauthorized, "Token has been revoked");
            }

            _refreshUsed[refreshToken] = true;
            _refreshes++;
            return IssuePair(now);
        }
    }

    private TokenGrant ExchangeCode(string? code, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (code is null || !_codes.Remove(code, out var expiresAt))
            {
                return TokenGrant.Failed(StatusCodes.Status400BadRequest, "Authorization code has been revoked");
            }

            if (now >= expiresAt)
            {
                return TokenGrant.Failed(StatusCodes.Status400BadRequest, "Authorization code has expired");
            }

            _codeExchanges++;
            return IssuePair(now);
        }
    }

    /// <summary>Must run under the lock.</summary>
    private TokenGrant IssuePair(DateTimeOffset now)
    {
        var access = KommoAccessTokenJwt.Mint(_options, now, now + _options.AccessTokenLifetime);
        var refresh = NewToken();
        _access[access] = new AccessTokenState(OAuthIntegrationId, now + _options.AccessTokenLifetime);
        _refreshUsed[refresh] = false;
        _accessIssued++;
        return TokenGrant.Issued(access, refresh, (long)_options.AccessTokenLifetime.TotalSeconds);
    }

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool FixedTimeEquals(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(expected));

    private sealed record AccessTokenState(string IntegrationId, DateTimeOffset ExpiresAt);
}
