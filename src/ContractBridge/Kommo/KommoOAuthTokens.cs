using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContractBridge.Configuration;
using ContractBridge.Engine.Storage;
using ContractBridge.Secrets;
using ContractBridge.Upstream;

namespace ContractBridge.Kommo;

/// <summary>
/// Kommo OAuth2 access tokens, refreshed before they expire. Kommo's refresh tokens are single-use: two refreshes with
/// the same token revoke the integration. So a refresh happens under a named lease in the shared store (one instance at
/// a time, one caller at a time within it), re-reads the stored pair after taking the lease (another instance may have
/// just refreshed), and stores the new pair before anyone uses it. The pair is stored encrypted (<see cref="CredentialVault"/>);
/// a plain JSON pair stored by an older release is read and stored again encrypted.
/// </summary>
public sealed partial class KommoOAuthTokens(
    IKeyValueStore store,
    CredentialVault vault,
    HttpClient tokenHttp,
    Uri tokenEndpoint,
    KommoOAuthOptions options,
    TimeProvider time,
    string instanceId,
    ILogger<KommoOAuthTokens> logger) : IKommoAccessTokens, IDisposable
{
    public const string StateKey = "kommo.oauth";
    public const string LeaseName = "kommo.oauth.refresh";
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WaitForOtherInstance = TimeSpan.FromSeconds(45);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TokenState? _cached;

    public void Dispose() => _gate.Dispose();

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached?.AccessToken is { } access && IsFresh(cached))
        {
            return access;
        }

        return await ObtainAsync(rejected: null, cancellationToken);
    }

    public async Task<string?> RenewAfterRejectionAsync(string rejected, CancellationToken cancellationToken) =>
        await ObtainAsync(rejected, cancellationToken);

    /// <summary>The stored access token and when it expires, without refreshing: null before the first is obtained.</summary>
    public async Task<(string AccessToken, DateTimeOffset ExpiresAt)?> InUseAsync(CancellationToken cancellationToken)
    {
        var (state, _) = await ReadAsync(cancellationToken);
        return state.AccessToken is { } access ? (access, state.ExpiresAt) : null;
    }

    private async Task<string> ObtainAsync(string? rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var deadline = time.GetUtcNow() + WaitForOtherInstance;
            while (true)
            {
                var (state, _) = await ReadAsync(cancellationToken);
                if (IsUsable(state, rejected))
                {
                    Volatile.Write(ref _cached, state);
                    return state.AccessToken!;
                }

                if (await store.TryAcquireLeaseAsync(LeaseName, instanceId, time.GetUtcNow() + LeaseDuration, time.GetUtcNow(), cancellationToken))
                {
                    try
                    {
                        return await RefreshUnderLeaseAsync(rejected, cancellationToken);
                    }
                    finally
                    {
                        await store.ReleaseLeaseAsync(LeaseName, instanceId, CancellationToken.None);
                    }
                }

                if (time.GetUtcNow() > deadline)
                {
                    throw new UpstreamException(UpstreamService.Kommo, "Kommo OAuth: another instance holds the token refresh for too long", null, isTransient: true);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> RefreshUnderLeaseAsync(string? rejected, CancellationToken cancellationToken)
    {
        // Another instance may have refreshed between our read and our lease.
        var (state, stored) = await ReadAsync(cancellationToken);
        if (IsUsable(state, rejected))
        {
            Volatile.Write(ref _cached, state);
            return state.AccessToken!;
        }

        var fresh = await CallTokenEndpointAsync(state.RefreshToken, cancellationToken);
        var next = new TokenState(fresh.AccessToken, fresh.RefreshToken, time.GetUtcNow().AddSeconds(fresh.ExpiresIn), state.SeedHash);
        var json = JsonSerializer.Serialize(next);
        if (!await vault.CompareAndSetAsync(StateKey, stored, json, cancellationToken))
        {
            // Our lease expired and someone else stored a pair meanwhile; ours is valid too (Kommo issued it), so keep ours.
            await vault.SetAsync(StateKey, json, cancellationToken);
        }

        Log.Refreshed(logger, next.ExpiresAt);
        Volatile.Write(ref _cached, next);
        return next.AccessToken!;
    }

    private async Task<TokenResponse> CallTokenEndpointAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, string>
        {
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["redirect_uri"] = options.RedirectUri,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await tokenHttp.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new UpstreamException(UpstreamService.Kommo, $"Kommo OAuth token refresh failed: {ex.Message}", null, isTransient: true, inner: ex);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
            {
                throw new UpstreamException(
                    UpstreamService.Kommo,
                    $"Kommo refused the refresh token ({(int)response.StatusCode}): the integration must be re-authorized and a new refresh token configured",
                    response.StatusCode,
                    isTransient: false);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new UpstreamException(UpstreamService.Kommo, $"Kommo OAuth token refresh answered {(int)response.StatusCode}", response.StatusCode, UpstreamException.IsTransientStatus(response.StatusCode));
            }

            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            return token is { AccessToken.Length: > 0, RefreshToken.Length: > 0 }
                ? token
                : throw new UpstreamException(UpstreamService.Kommo, "Kommo OAuth token refresh answered without tokens", response.StatusCode, isTransient: true);
        }
    }

    /// <summary>
    /// Stores the pair a code exchange just gave, seeded by its refresh token: a <see cref="KommoOAuthOptions"/> whose
    /// RefreshToken is that one then uses the access token at once instead of spending the refresh.
    /// </summary>
    public static Task SeedAsync(CredentialVault vault, string accessToken, string refreshToken, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        vault.SetAsync(StateKey, JsonSerializer.Serialize(new TokenState(accessToken, refreshToken, expiresAt, SeedHashOf(refreshToken))), cancellationToken);

    private static string SeedHashOf(string refreshToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    /// <summary>The stored pair; the configured refresh token seeds it, and a newly configured one replaces it (re-authorization).</summary>
    private async Task<(TokenState State, string? Stored)> ReadAsync(CancellationToken cancellationToken)
    {
        var seedHash = SeedHashOf(options.RefreshToken);
        var read = await vault.ReadAsync(StateKey, IsPlainTextFromOlderRelease, cancellationToken);
        var stored = read?.Stored;
        var state = read is null ? null : JsonSerializer.Deserialize<TokenState>(read.Value);
        return state is not null && state.SeedHash == seedHash
            ? (state, stored)
            : (new TokenState(null, options.RefreshToken, DateTimeOffset.MinValue, seedHash), stored);
    }

    /// <summary>Releases before the vault stored the pair as JSON; protected text is base64url, never an object.</summary>
    private static bool IsPlainTextFromOlderRelease(string stored) => stored.StartsWith('{');

    private bool IsUsable(TokenState state, string? rejected) =>
        state.AccessToken is not null && state.AccessToken != rejected && IsFresh(state);

    private bool IsFresh(TokenState state) => state.ExpiresAt - options.RefreshBefore > time.GetUtcNow();

    private sealed record TokenState(string? AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, string SeedHash);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string RefreshToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);

    private static partial class Log
    {
        [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Kommo OAuth tokens refreshed; the new access token expires at {ExpiresAt}")]
        public static partial void Refreshed(ILogger logger, DateTimeOffset expiresAt);
    }
}
