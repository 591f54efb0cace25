using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContractBridge.Audit;
using ContractBridge.Configuration;
using ContractBridge.Kommo;
using ContractBridge.Secrets;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractBridge.Setup;

/// <summary>
/// Connecting Kommo by OAuth (authorization code), from /setup. <see cref="StartAsync"/> keeps the integration's client
/// and a fresh <c>state</c> (encrypted, 20 minutes, as long as Kommo's codes live) and gives the consent page's address;
/// Kommo sends the admin back to <c>{PublicUrl}/oauth/kommo/callback</c> with <c>code</c>, <c>state</c> and
/// <c>referer</c>, and <see cref="CompleteAsync"/> checks the state (constant time, once), takes the account from the
/// referer (only allowed hosts), exchanges the code there, stores the first pair, and connects.
/// </summary>
public sealed class KommoOAuthConnect(
    CredentialVault vault,
    UpstreamConnections connections,
    IHttpClientFactory httpClients,
    IOptions<BridgeOptions> options,
    TimeProvider time)
{
    public const string PendingKey = "setup.kommo.pending";
    public const string CallbackPath = "/oauth/kommo/callback";
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(20);

    public async Task<Uri> StartAsync(string clientId, string clientSecret, Uri publicUrl, AuditActor actor, CancellationToken cancellationToken)
    {
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var pending = new Pending(state, clientId, clientSecret, new Uri(publicUrl, CallbackPath).ToString(), time.GetUtcNow(), actor.Role, actor.Client);
        await vault.SetAsync(PendingKey, JsonSerializer.Serialize(pending), cancellationToken);
        return new Uri(QueryHelpers.AddQueryString(options.Value.Kommo.AuthorizeUrl.ToString(), new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["state"] = state,
            ["mode"] = "post_message",
        }));
    }

    /// <summary>
    /// The connection made, or what went wrong, fit to show. The callback comes from Kommo's site, so the dashboard's
    /// SameSite=Strict session does not come with it: the state, random, kept encrypted and good once, is what proves
    /// the admin who started it (its actor is recorded) asked for this.
    /// </summary>
    public async Task<(KommoConnection? Connected, AuditActor? StartedBy, string? Problem)> CompleteAsync(string? code, string? state, string? referer, CancellationToken cancellationToken)
    {
        var stored = await vault.ReadAsync(PendingKey, null, cancellationToken);
        var pending = stored is null ? null : JsonSerializer.Deserialize<Pending>(stored.Value);
        if (pending is null || state is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(state), Encoding.UTF8.GetBytes(pending.State)))
        {
            return (null, null, "This authorization was not started here, or was already used: start it again from /setup.");
        }

        // One use: a second callback with the same state finds nothing.
        if (!await vault.CompareAndSetAsync(PendingKey, stored!.Stored, JsonSerializer.Serialize(pending with { State = "used:" + Guid.NewGuid() }), cancellationToken))
        {
            return (null, null, "This authorization was already used: start it again from /setup.");
        }

        if (time.GetUtcNow() - pending.StartedAt > PendingLifetime)
        {
            return (null, null, "The authorization took longer than 20 minutes: start it again from /setup.");
        }

        if (KommoAccountHosts.Origin(referer, options.Value.Kommo.AccountHosts) is not { } account)
        {
            return (null, null, $"Kommo named the account '{referer}', which is not a Kommo host this bridge accepts (ContractBridge:Kommo:AccountHosts).");
        }

        if (string.IsNullOrEmpty(code))
        {
            return (null, null, "Kommo sent no authorization code (was access denied?): start it again from /setup.");
        }

        using var response = await httpClients.CreateClient("kommo-oauth").PostAsJsonAsync(new Uri(account, "/oauth2/access_token"), new Dictionary<string, string>
        {
            ["client_id"] = pending.ClientId,
            ["client_secret"] = pending.ClientSecret,
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = pending.RedirectUri,
        }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (null, null, $"Kommo refused the authorization code ({(int)response.StatusCode} {response.ReasonPhrase}): check the client id and secret, and that the integration's redirect URI is {pending.RedirectUri}.");
        }

        var pair = await response.Content.ReadFromJsonAsync<TokenPair>(cancellationToken);
        if (pair is not { AccessToken.Length: > 0, RefreshToken.Length: > 0 })
        {
            return (null, null, "Kommo answered the code exchange without tokens.");
        }

        await KommoOAuthTokens.SeedAsync(vault, pair.AccessToken, pair.RefreshToken, time.GetUtcNow().AddSeconds(pair.ExpiresIn), cancellationToken);
        var oauth = new KommoOAuthOptions { ClientId = pending.ClientId, ClientSecret = pending.ClientSecret, RedirectUri = pending.RedirectUri, RefreshToken = pair.RefreshToken };
        var startedBy = new AuditActor(pending.Role, pending.Client);
        var connection = new KommoConnection(new Uri(account, "/api/v4"), null, oauth) { ConnectedBy = startedBy.Described, ConnectedAt = time.GetUtcNow() };
        await connections.SaveKommoAsync(connection, cancellationToken);
        return (connection, startedBy, null);
    }

    private sealed record Pending(string State, string ClientId, string ClientSecret, string RedirectUri, DateTimeOffset StartedAt, string Role, string? Client);

    private sealed record TokenPair(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string RefreshToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);
}
