using System.Globalization;
using ContractBridge.Ironclad;
using ContractBridge.Kommo;
using ContractBridge.Upstream;

namespace ContractBridge.Setup;

/// <summary>
/// Reads the health of both connections in force for /setup, from what the credentials already hold (Kommo's token
/// claims and stored OAuth pair; Ironclad's client-credentials grant, obtained now if none is cached) and from
/// <see cref="LastUpstreamSuccess"/>. No API call is made: a page view must not spend the rate budgets.
/// </summary>
public sealed class ConnectionHealthReader(UpstreamConnections connections, LastUpstreamSuccess successes, TimeProvider time)
{
    public async Task<ConnectionHealth?> KommoAsync(CancellationToken cancellationToken)
    {
        if (connections.Kommo is not { } kommo)
        {
            return null;
        }

        var last = successes.For(UpstreamService.Kommo);
        if (kommo.OAuth is not null)
        {
            var inUse = connections.KommoTokens is KommoOAuthTokens oauth ? await oauth.InUseAsync(cancellationToken) : null;
            if (inUse is not { } pair)
            {
                return new ConnectionHealth("no access token obtained yet: the first call refreshes one", last, null);
            }

            var claims = KommoTokenClaims.TryRead(pair.AccessToken);
            return new ConnectionHealth($"access token {Until(pair.ExpiresAt)}, renewed automatically before then", last, Missing(claims));
        }

        var longLived = KommoTokenClaims.TryRead(kommo.AccessToken!);
        return new ConnectionHealth(
            longLived?.ExpiresAt is { } expiresAt
                ? $"long-lived token {Until(expiresAt)}: it cannot be renewed, generate a new one in Kommo before then"
                : "long-lived token: its expiry is not readable from it (Kommo shows it under the integration's Keys and scopes)",
            last,
            Missing(longLived));
    }

    public async Task<ConnectionHealth?> IroncladAsync(CancellationToken cancellationToken)
    {
        if (connections.Ironclad is not { } ironclad)
        {
            return null;
        }

        var last = successes.For(UpstreamService.Ironclad);
        if (ironclad.OAuth is null || connections.IroncladAuth is not ClientCredentialsAuth auth)
        {
            return new ConnectionHealth("API key: Ironclad reports no expiry for it (it lasts until revoked in Company Settings → API)", last, null);
        }

        try
        {
            var grant = await auth.GrantAsync(cancellationToken);
            return new ConnectionHealth($"access token {Until(grant.ExpiresAt)}, renewed automatically", last, grant.MissingScopes);
        }
        catch (UpstreamException ex)
        {
            return new ConnectionHealth($"no token: {ex.Message}", last, null);
        }
    }

    private string Until(DateTimeOffset expiresAt) =>
        expiresAt <= time.GetUtcNow()
            ? $"expired at {Format(expiresAt)}"
            : $"expires {Format(expiresAt)}";

    private static IReadOnlyList<string>? Missing(KommoTokenClaims? claims) =>
        claims?.Scopes is { } scopes ? [.. KommoTokenClaims.Needed.Except(scopes, StringComparer.Ordinal)] : null;

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
