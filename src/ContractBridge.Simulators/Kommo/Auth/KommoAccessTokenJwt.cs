using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Kommo.Auth;

/// <summary>
/// Kommo's OAuth access tokens are JWTs (RS256) whose payload names the client (<c>aud</c>), the account, the expiry
/// (<c>exp</c>) and the integration's <c>scopes</c>; clients may read them, none can verify them without Kommo's key.
/// The simulator mints the same shape with a random signature, so a client reading the claims sees what it would see.
/// </summary>
internal static class KommoAccessTokenJwt
{
    private static readonly string Header = Base64Url(Encoding.UTF8.GetBytes("""{"typ":"JWT","alg":"RS256"}"""));

    public static string Mint(KommoSimulatorOptions options, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        var payload = new JsonObject
        {
            ["aud"] = options.ClientId,
            ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["nbf"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["grant_type"] = string.Empty,
            ["account_id"] = options.AccountId,
            ["base_domain"] = "kommo.com",
            ["version"] = 2,
            ["scopes"] = new JsonArray([.. options.IntegrationScopes.Select(s => (JsonNode?)JsonValue.Create(s))]),
        };
        return $"{Header}.{Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{Base64Url(RandomNumberGenerator.GetBytes(256))}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
