using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Upstream;

namespace ContractBridge.Kommo;

/// <summary>
/// Kommo's failures as <see cref="UpstreamException"/>s: 429 and 5xx are worth retrying, a 403 HTML page means the account
/// is blocked (retry much later), 401 and validation errors need a person. Messages carry problem+json details, never
/// credentials.
/// </summary>
public sealed partial class KommoClient
{
    private static async Task<UpstreamException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var what = $"{response.RequestMessage?.Method} {StripQuery(response.RequestMessage?.RequestUri?.AbsolutePath ?? string.Empty)}";
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var retryAfter = response.Headers.RetryAfter?.Delta
            ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        var isHtml = response.Content.Headers.ContentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true;
        return status switch
        {
            HttpStatusCode.TooManyRequests => new UpstreamException(UpstreamService.Kommo, $"Kommo {what}: 429, over the rate limit", status, true, retryAfter),
            HttpStatusCode.Forbidden when isHtml => new UpstreamException(
                UpstreamService.Kommo, $"Kommo {what}: 403, the account is blocked (too many requests); Kommo support must unblock it", status, true, retryAfter ?? TimeSpan.FromMinutes(5)),
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

            return parts.Count > 0 ? string.Join("; ", parts) : Shorten(body);
        }
        catch (JsonException)
        {
            return Shorten(body);
        }
    }

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= 200 ? oneLine : oneLine[..200] + "…";
    }
}
