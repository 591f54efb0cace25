using System.Net.Http.Headers;
using ContractBridge.Upstream;

namespace ContractBridge.Kommo.Http;

/// <summary>
/// Kommo's bearer token on every call, including the drive's (its upload host takes the same token). After a 401 the
/// token source is told which token was refused, so it renews only that one: a long-lived token has nothing newer.
/// </summary>
public sealed class KommoAuthorization(IKommoAccessTokens tokens) : IUpstreamAuthorization
{
    private const string Scheme = "Bearer";

    public async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Headers.Authorization = new AuthenticationHeaderValue(Scheme, await tokens.GetAsync(cancellationToken));

    public async ValueTask<bool> ReauthorizeAfterRejectionAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var rejected = request.Headers.Authorization?.Parameter ?? string.Empty;
        if (await tokens.RenewAfterRejectionAsync(rejected, cancellationToken) is not { } renewed)
        {
            return false;
        }

        request.Headers.Authorization = new AuthenticationHeaderValue(Scheme, renewed);
        return true;
    }
}
