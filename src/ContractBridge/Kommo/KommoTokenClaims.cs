using System.Buffers.Text;
using System.Text.Json;

namespace ContractBridge.Kommo;

/// <summary>
/// What a Kommo token says about itself. Kommo's tokens (OAuth access tokens and long-lived ones alike) are JWTs whose
/// payload carries <c>exp</c> and the integration's <c>scopes</c>. Read only to show the connection's health: the
/// signature cannot be checked without Kommo's key, and Kommo's answers, not these claims, decide what a token may do.
/// </summary>
public sealed record KommoTokenClaims(DateTimeOffset? ExpiresAt, IReadOnlyList<string>? Scopes)
{
    /// <summary>The scopes the bridge needs: crm (leads, notes, tasks, webhooks) and files (the signed documents).</summary>
    public static readonly IReadOnlyList<string> Needed = ["crm", "files"];

    /// <summary>The claims of a JWT-shaped token; null for any other token (or a payload that is not JSON).</summary>
    public static KommoTokenClaims? TryRead(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[1]))
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            if (payload.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var root = payload.RootElement;
            DateTimeOffset? expiresAt = root.TryGetProperty("exp", out var exp) && exp.ValueKind == JsonValueKind.Number && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
            IReadOnlyList<string>? scopes = root.TryGetProperty("scopes", out var list) && list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!)]
                : null;
            return new KommoTokenClaims(expiresAt, scopes);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
