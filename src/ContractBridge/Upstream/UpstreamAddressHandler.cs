namespace ContractBridge.Upstream;

/// <summary>
/// Addresses each request to the connection in force. The typed clients live as long as the singletons holding them,
/// and an HttpClient's base address is fixed at its first request, so they are built on a placeholder API root; this
/// handler, outermost, swaps the placeholder for the real one when the request is sent, so a connection made at
/// /setup takes effect without a restart. A path relative to the API root (the usual call) goes under the real API
/// root; a path relative to the placeholder's host (an Ironclad download path, which starts at the host) goes to the
/// real host. Any other absolute URL (Kommo's drive) passes untouched. With no connection the call fails as transient,
/// so its job waits and retries.
/// </summary>
public sealed class UpstreamAddressHandler(Uri placeholderRoot, Func<Uri?> currentRoot, Func<UpstreamException> notConnected) : DelegatingHandler
{
    private readonly string _root = placeholderRoot.AbsoluteUri;
    private readonly string _host = placeholderRoot.GetLeftPart(UriPartial.Authority);

    /// <summary>An API root for typed clients that no real path starts with, on a host that cannot resolve (.invalid).</summary>
    public static Uri PlaceholderFor(UpstreamService service) => new($"https://{service.ToString().ToLowerInvariant()}.not-connected.invalid/api-root/");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri?.AbsoluteUri;
        if (uri is not null && uri.StartsWith(_host + "/", StringComparison.Ordinal))
        {
            var root = currentRoot() ?? throw notConnected();
            request.RequestUri = uri.StartsWith(_root, StringComparison.Ordinal)
                ? new Uri(root.AbsoluteUri + uri[_root.Length..])
                : new Uri(root.GetLeftPart(UriPartial.Authority) + uri[_host.Length..]);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
