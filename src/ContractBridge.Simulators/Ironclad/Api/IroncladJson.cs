using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// JSON as Ironclad's Node.js servers write it: compact, and without System.Text.Json's default escaping of
/// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, <c>'</c> and non-ASCII letters.
/// </summary>
public static class IroncladJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Result(JsonNode node, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(node.ToJsonString(Options), "application/json; charset=utf-8", statusCode: statusCode);

    public static IResult Error(int statusCode, IroncladError error) => Result(ToJson(error), statusCode);

    public static JsonObject ToJson(IroncladError error)
    {
        var body = new JsonObject { ["code"] = error.Code, ["message"] = error.Message };
        if (error.Param is not null)
        {
            body["param"] = error.Param;
        }

        return body;
    }

    public static async Task WriteErrorAsync(HttpContext context, int statusCode, IroncladError error)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(ToJson(error).ToJsonString(Options), context.RequestAborted);
    }

    /// <summary>Reads the request body as a JSON object, or fails the call as Ironclad does for a malformed body.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidParam($"request body is not valid JSON: {ex.Message}", "body"));
        }

        return node as JsonObject
            ?? throw IroncladApiException.BadRequest(IroncladError.InvalidParam("request body must be a JSON object", "body"));
    }
}
