using System.Net;

namespace ContractBridge.Upstream;

/// <summary>
/// A non-success answer, read once by <see cref="UpstreamErrorHandler"/> for a service's <see cref="IUpstreamProblemReader"/>.
/// </summary>
/// <param name="What">The call, as messages name it: method and path, never the query (it may carry ids or filters).</param>
/// <param name="MediaType">The answer's media type, if it said one (Kommo's block page is HTML).</param>
/// <param name="RetryAfter">The server's Retry-After, as a delay from now.</param>
public sealed record UpstreamFailure(HttpStatusCode Status, string What, string Body, string? MediaType, TimeSpan? RetryAfter);
