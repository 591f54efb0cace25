using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>
/// Writes answers the way Kommo does: <c>application/hal+json</c> on success, <c>application/problem+json</c> with
/// <c>type: https://httpstatus.es/{status}</c> on errors, 204 with no body for empty lists.
/// </summary>
internal static class KommoHttp
{
    public const string HalJson = "application/hal+json";
    public const string ProblemJson = "application/problem+json";

    /// <summary>Kommo (PHP) does not escape '+', '&amp;' or '&lt;' in JSON; neither do we, so bodies read the same.</summary>
    private static readonly JsonSerializerOptions WireJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteHalAsync(HttpContext context, JsonNode body, int status = StatusCodes.Status200OK) =>
        WriteJsonAsync(context, body, status, HalJson);

    public static Task WriteJsonAsync(HttpContext context, JsonNode body, int status, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body.ToJsonString(WireJson), Encoding.UTF8, context.RequestAborted);
    }

    public static Task WriteNoContent(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public static Task WriteProblemAsync(HttpContext context, int status, string detail, JsonObject? extra = null)
    {
        var body = extra ?? [];
        body["title"] = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        body["type"] = $"https://httpstatus.es/{status}";
        body["status"] = status;
        body["detail"] = detail;
        return WriteJsonAsync(context, body, status, ProblemJson);
    }

    public static Task WriteBadRequestAsync(HttpContext context, string detail) =>
        WriteProblemAsync(context, StatusCodes.Status400BadRequest, detail);

    public static Task WriteNotFoundAsync(HttpContext context, string detail) =>
        WriteProblemAsync(context, StatusCodes.Status404NotFound, detail);

    /// <summary>Kommo's 400 for bad fields: <c>validation-errors</c> first, then the usual problem fields.</summary>
    public static Task WriteValidationProblemAsync(HttpContext context, IEnumerable<RequestValidationErrors> failures)
    {
        var items = new JsonArray();
        foreach (var failure in failures)
        {
            var errors = new JsonArray();
            foreach (var error in failure.Errors)
            {
                errors.Add(new JsonObject { ["code"] = error.Code, ["path"] = error.Path, ["detail"] = error.Detail });
            }

            items.Add(new JsonObject { ["request_id"] = failure.RequestId, ["errors"] = errors });
        }

        return WriteProblemAsync(
            context,
            StatusCodes.Status400BadRequest,
            "Request validation failed",
            new JsonObject { ["validation-errors"] = items });
    }

    /// <summary>Reads the body as JSON; on malformed JSON answers 400 itself and returns null.</summary>
    public static async Task<JsonDocument?> ReadJsonAsync(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException)
        {
            await WriteBadRequestAsync(context, "Request body is not valid JSON");
            return null;
        }
    }
}
