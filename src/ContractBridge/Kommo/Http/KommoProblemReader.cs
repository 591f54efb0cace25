using System.Net;
using ContractBridge.Upstream;

namespace ContractBridge.Kommo.Http;

/// <summary>
/// Kommo's failures as <see cref="UpstreamException"/>s: 429 and 5xx are worth retrying, a 403 HTML page means the account
/// is blocked (retry much later), 401 and validation errors need a person. Messages carry problem+json details, never
/// credentials.
/// </summary>
public sealed class KommoProblemReader : IUpstreamProblemReader
{
    /// <summary>How long to leave a blocked account alone when Kommo's block page gives no Retry-After.</summary>
    private static readonly TimeSpan BlockedRetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>Kommo's block page: a 403 answered with HTML instead of problem+json (it blocks the IP, for every call).</summary>
    public static bool IsBlockPage(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden && IsHtml(response.Content.Headers.ContentType?.MediaType);

    public UpstreamException ToException(UpstreamFailure failure)
    {
        var (status, what, body, mediaType, retryAfter) = failure;
        var isHtml = IsHtml(mediaType);
        return status switch
        {
            HttpStatusCode.TooManyRequests => new UpstreamException(UpstreamService.Kommo, $"Kommo {what}: 429, over the rate limit", status, true, retryAfter),
            HttpStatusCode.Forbidden when isHtml => new UpstreamException(
                UpstreamService.Kommo, $"Kommo {what}: 403, the account is blocked (too many requests); Kommo support must unblock it", status, true, retryAfter ?? BlockedRetryAfter),
            HttpStatusCode.Unauthorized => new UpstreamException(
                UpstreamService.Kommo, $"Kommo {what}: 401, the access token was refused ({Describe(KommoProblem.Parse(body), body)}); check KOMMO_ACCESS_TOKEN or re-authorize the integration", status, false),
            _ => ProblemException(failure),
        };
    }

    /// <summary>
    /// Any other failure, with the useful part of its problem+json body: the detail and each validation error's path,
    /// detail and code. The items a batch write's refusal names are kept on the exception, so the rest can be sent again.
    /// </summary>
    private static UpstreamException ProblemException(UpstreamFailure failure)
    {
        var (status, what, body, _, retryAfter) = failure;
        var problem = KommoProblem.Parse(body);
        return new UpstreamException(
            UpstreamService.Kommo,
            $"Kommo {what}: {(int)status} {Describe(problem, body)}",
            status,
            UpstreamException.IsTransientStatus(status),
            retryAfter,
            refusedItems: problem?.Refused);
    }

    private static bool IsHtml(string? mediaType) => mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true;

    private static string Describe(KommoProblem? problem, string body)
    {
        var parts = new List<string>();
        if (problem?.Detail is { } detail)
        {
            parts.Add(detail);
        }

        parts.AddRange(problem?.Errors.Select(e => e.Describe()) ?? []);
        return parts.Count > 0 ? string.Join("; ", parts) : UpstreamText.Shorten(body);
    }
}
