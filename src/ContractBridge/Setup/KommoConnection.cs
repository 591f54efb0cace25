using System.Text.Json.Serialization;
using ContractBridge.Configuration;

namespace ContractBridge.Setup;

/// <summary>
/// How the bridge reaches Kommo: the API root and either a long-lived token or an OAuth integration (its client, and
/// the refresh token that seeds the stored pair). From configuration, or connected at /setup and stored encrypted.
/// </summary>
public sealed record KommoConnection(Uri BaseUrl, string? AccessToken, KommoOAuthOptions? OAuth)
{
    /// <summary>Who connected it at /setup, and when; null for a connection from configuration.</summary>
    public string? ConnectedBy { get; init; }

    public DateTimeOffset? ConnectedAt { get; init; }

    [JsonIgnore]
    public bool FromConfiguration { get; init; }

    /// <summary>The account's web root (https://acme.kommo.com): links to deals, and the OAuth token endpoint.</summary>
    [JsonIgnore]
    public Uri AccountUrl => new(BaseUrl.GetLeftPart(UriPartial.Authority));

    [JsonIgnore]
    public string Method => OAuth is null ? "long-lived token" : "OAuth";

    public static KommoConnection? FromOptions(KommoOptions kommo) =>
        kommo.BaseUrl is { } baseUrl && (!string.IsNullOrEmpty(kommo.AccessToken) || kommo.OAuth is not null)
            ? new KommoConnection(baseUrl, string.IsNullOrEmpty(kommo.AccessToken) ? null : kommo.AccessToken, kommo.OAuth) { FromConfiguration = true }
            : null;
}
