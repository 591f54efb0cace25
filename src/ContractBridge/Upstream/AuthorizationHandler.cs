using System.Net;

namespace ContractBridge.Upstream;

/// <summary>
/// Puts the upstream's credentials on every request; on a 401 renews them once and sends the request again, so an
/// access token that expired or was revoked costs one extra call, not a failed job. A second 401 is the answer.
/// </summary>
public sealed class AuthorizationHandler(IUpstreamAuthorization authorization) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await authorization.AuthorizeAsync(request, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        bool renewed;
        try
        {
            renewed = await authorization.ReauthorizeAfterRejectionAsync(request, cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (!renewed)
        {
            return response;
        }

        response.Dispose();
        return await base.SendAsync(request, cancellationToken);
    }
}
