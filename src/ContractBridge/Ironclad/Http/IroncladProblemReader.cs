using System.Net;
using System.Text.Json;
using ContractBridge.Ironclad.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Ironclad.Http;

/// <summary>
/// Ironclad's failures as <see cref="UpstreamException"/>s carrying its error code and param, so callers can tell a
/// schema mismatch (permanent, fix the mapping) from a 429 or 5xx (retry).
/// </summary>
public sealed class IroncladProblemReader : IUpstreamProblemReader
{
    public UpstreamException ToException(UpstreamFailure failure)
    {
        var (status, what, body, _, retryAfter) = failure;
        var error = ReadError(body);
        var detail = error?.Message ?? UpstreamText.Shorten(body);
        var message = status switch
        {
            HttpStatusCode.TooManyRequests => $"Ironclad {what}: 429, over the rate limit",
            HttpStatusCode.Unauthorized => $"Ironclad {what}: 401 ({detail}); check IRONCLAD_API_KEY or the OAuth client",
            HttpStatusCode.Forbidden => $"Ironclad {what}: 403 ({detail}); the token lacks a scope or the user lacks access",
            _ => $"Ironclad {what}: {(int)status} {error?.Code} {detail}".Replace("  ", " ", StringComparison.Ordinal),
        };
        return new UpstreamException(UpstreamService.Ironclad, message, status, UpstreamException.IsTransientStatus(status), retryAfter, error?.Code, error?.Param);
    }

    /// <summary>Ironclad's error body, or null when the answer is not one (a proxy's page, an empty body).</summary>
    private static IroncladError? ReadError(string body)
    {
        try
        {
            return body.Length > 0 ? JsonSerializer.Deserialize<IroncladError>(body, IroncladJson.Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
