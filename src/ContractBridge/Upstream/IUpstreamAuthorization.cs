namespace ContractBridge.Upstream;

/// <summary>
/// The credentials of one upstream, for <see cref="AuthorizationHandler"/>: what to put on a request, and whether a
/// refused request is worth one more try with renewed credentials.
/// </summary>
public interface IUpstreamAuthorization
{
    /// <summary>Puts the current credentials on the request (replacing any it carries).</summary>
    ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// The upstream answered 401 to <paramref name="request"/>. Renews the credentials and puts them on the request;
    /// false when there is nothing to renew (a fixed token would be refused again).
    /// </summary>
    ValueTask<bool> ReauthorizeAfterRejectionAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
