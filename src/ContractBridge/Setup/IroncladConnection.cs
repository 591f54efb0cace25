using System.Text.Json.Serialization;
using ContractBridge.Configuration;

namespace ContractBridge.Setup;

/// <summary>
/// How the bridge reaches Ironclad: the API root (na1, eu1, demo or another host), an API key or OAuth client
/// credentials, and the user it launches as. From configuration, or connected at /setup and stored encrypted.
/// </summary>
public sealed record IroncladConnection(Uri BaseUrl, string? ApiKey, IroncladOAuthOptions? OAuth, string CreatorEmail)
{
    public string? ConnectedBy { get; init; }

    public DateTimeOffset? ConnectedAt { get; init; }

    [JsonIgnore]
    public bool FromConfiguration { get; init; }

    /// <summary>The web root (https://na1.ironcladapp.com): workflow links and the OAuth token endpoint.</summary>
    [JsonIgnore]
    public Uri WebUrl => new(BaseUrl.GetLeftPart(UriPartial.Authority));

    [JsonIgnore]
    public string Method => OAuth is null ? "API key" : "OAuth client credentials";

    public static IroncladConnection? FromOptions(IroncladOptions ironclad) =>
        ironclad.BaseUrl is { } baseUrl && (!string.IsNullOrEmpty(ironclad.ApiKey) || ironclad.OAuth is not null)
            ? new IroncladConnection(baseUrl, string.IsNullOrEmpty(ironclad.ApiKey) ? null : ironclad.ApiKey, ironclad.OAuth, ironclad.CreatorEmail ?? string.Empty) { FromConfiguration = true }
            : null;
}
