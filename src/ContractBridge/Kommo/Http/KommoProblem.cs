using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Upstream;

namespace ContractBridge.Kommo.Http;

/// <summary>
/// Kommo's <c>application/problem+json</c> body, read tolerantly:
/// <c>{"validation-errors":[{"request_id":"0","errors":[{"code","path","detail"}]}],"title","status","detail"}</c>.
/// A batch write names each refused item by the <c>request_id</c> the client gave it (else its index), so
/// <see cref="Refused"/> says which items to leave out when the rest is sent again.
/// </summary>
internal sealed record KommoProblem(string? Detail, IReadOnlyList<BatchItemError> Errors, IReadOnlyList<RefusedBatchItem> Refused)
{
    /// <summary>The body as a problem, or null when it is not a JSON object (an HTML page, plain text, nothing).</summary>
    public static KommoProblem? Parse(string body)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        if (node is not JsonObject problem)
        {
            return null;
        }

        var errors = new List<BatchItemError>();
        var refused = new List<RefusedBatchItem>();
        foreach (var entry in (problem["validation-errors"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var itemErrors = (entry["errors"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(e => new BatchItemError(Text(e["code"]) ?? string.Empty, Text(e["path"]) ?? string.Empty, Text(e["detail"]) ?? string.Empty))
                .ToList();
            errors.AddRange(itemErrors);

            // An entry without a request_id says what is wrong but not with which item: it cannot be split off.
            if (Text(entry["request_id"]) is { Length: > 0 } requestId)
            {
                refused.Add(new RefusedBatchItem(requestId, itemErrors));
            }
        }

        return new KommoProblem(Text(problem["detail"]), errors, refused);
    }

    /// <summary>A string value as it is; a number (a request_id sent as one) as its digits.</summary>
    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };
}
