using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    public UpstreamException ToException(UpstreamFailure failure)
    {
        var (status, what, body, mediaType, retryAfter) = failure;
        var isHtml = mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true;
        return status switch
        {
            HttpStatusCode.TooManyRequests => new UpstreamException(UpstreamService.Kommo, $"Kommo {what}: 429, over the rate limit", status, true, retryAfter),
            HttpStatusCode.Forbidden when isHtml => new UpstreamException(
                UpstreamService.Kommo, $"Kommo {what}: 403, the account is blocked (too many requests); Kommo support must unblock it", status, true, retryAfter ?? BlockedRetryAfter),
            HttpStatusCode.Unauthorized => new UpstreamException(
                UpstreamService.Kommo, $"Kommo {what}: 401, the access token was refused ({ProblemDetail(body)}); check KOMMO_ACCESS_TOKEN or re-authorize the integration", status, false),
            _ => new UpstreamException(
                UpstreamService.Kommo, $"Kommo {what}: {(int)status} {ProblemDetail(body)}", status, UpstreamException.IsTransientStatus(status), retryAfter),
        };
    }

    /// <summary>The useful part of a problem+json body: detail and each validation error's path and detail.</summary>
    private static string ProblemDetail(string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            var parts = new List<string>();
            if (node?["detail"]?.GetValue<string>() is { } detail)
            {
                parts.Add(detail);
            }

            foreach (var request in node?["validation-errors"]?.AsArray() ?? [])
            {
                foreach (var error in request?["errors"]?.AsArray() ?? [])
                {
                    parts.Add($"{error?["path"]}: {error?["detail"]} ({error?["code"]})");
                }
            }

            return parts.Count > 0 ? string.Join("; ", parts) : UpstreamText.Shorten(body);
        }
        catch (JsonException)
        {
            return UpstreamText.Shorten(body);
        }
    }
}
