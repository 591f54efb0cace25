using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using ContractBridge.Configuration;
using ContractBridge.Upstream;

namespace ContractBridge.Ironclad;

/// <summary>
/// OAuth2 client credentials against Ironclad's /oauth/token; the token is cached until shortly before it expires and
/// obtained by one caller at a time. Every call acts as a user (x-as-user-email).
/// </summary>
public sealed class ClientCredentialsAuth(HttpClient tokenHttp, Uri tokenEndpoint, IroncladOAuthOptions options, string actAsEmail, TimeProvider time)
    : IIroncladAuth, IDisposable
{
    private const string ActAsHeader = "x-as-user-email";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _token;
    private IroncladTokenGrant? _lastGrant;

    public bool NeedsCreator => false;

    /// <summary>
    /// The token in use, obtaining one if none is cached: when it expires, and which of the scopes asked for Ironclad
    /// granted (RFC 6749 §3.3: a server may grant fewer, and then says which in <c>scope</c>).
    /// </summary>
    public async Task<IroncladTokenGrant> GrantAsync(CancellationToken cancellationToken)
    {
        await GetTokenAsync(cancellationToken);
        return Volatile.Read(ref _lastGrant)!;
    }

    public async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync(cancellationToken));

        // A request sent again after a 401 already carries the header: replace it, never send two.
        request.Headers.Remove(ActAsHeader);
        request.Headers.TryAddWithoutValidation(ActAsHeader, actAsEmail);
    }

    /// <summary>Drops the cached token (Ironclad may revoke one before it expires) and obtains a new one.</summary>
    public async ValueTask<bool> ReauthorizeAfterRejectionAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _token = null;
        await AuthorizeAsync(request, cancellationToken);
        return true;
    }

    public void Dispose() => _gate.Dispose();

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && cached.ExpiresAt > time.GetUtcNow())
        {
            return cached.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } again && again.ExpiresAt > time.GetUtcNow())
            {
                return again.Token;
            }

            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId,
                ["client_secret"] = options.ClientSecret,
                ["scope"] = options.Scopes,
            });
            using var response = await tokenHttp.PostAsync(tokenEndpoint, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new UpstreamException(
                    UpstreamService.Ironclad,
                    $"Ironclad OAuth token request answered {(int)response.StatusCode}: check the client id, secret and scopes",
                    response.StatusCode,
                    UpstreamException.IsTransientStatus(response.StatusCode));
            }

            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new UpstreamException(UpstreamService.Ironclad, "Ironclad OAuth token answer was empty", response.StatusCode, isTransient: true);

            // Renew a minute early (or at half-life for short tokens) so no call goes out with a token about to expire.
            var lifetime = TimeSpan.FromSeconds(Math.Max(token.ExpiresIn, 1));
            var margin = lifetime > TimeSpan.FromMinutes(2) ? TimeSpan.FromMinutes(1) : lifetime / 2;
            var now = time.GetUtcNow();
            _token = (token.AccessToken, now + lifetime - margin);
            var asked = options.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Volatile.Write(ref _lastGrant, new IroncladTokenGrant(
                now + lifetime,
                token.Scope is { } granted ? [.. asked.Except(granted.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal)] : []));
            return token.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn,
        [property: JsonPropertyName("scope")] string? Scope);
}
