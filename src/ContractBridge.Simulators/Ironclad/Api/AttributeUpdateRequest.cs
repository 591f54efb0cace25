using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// A <c>PATCH /workflows/{id}/attributes</c> body as the OpenAPI description has it:
/// <c>{"updates":[{"action":"set|remove","path":"&lt;attribute id&gt;","value":…}],"comment":"…"}</c>. <c>action</c>
/// defaults to set; <c>value</c> is required for set. Anything else is INVALID_PARAM or MISSING_PARAM naming it.
/// </summary>
public sealed record AttributeUpdateRequest(IReadOnlyList<AttributeChange> Updates, string? Comment)
{
    public static AttributeUpdateRequest Parse(JsonObject body)
    {
        foreach (var (key, _) in body)
        {
            if (key is not ("updates" or "comment"))
            {
                throw IroncladApiException.BadRequest(IroncladError.InvalidParam($"unknown parameter {key}", key));
            }
        }

        if (body["updates"] is not JsonArray updates)
        {
            throw body["updates"] is null
                ? IroncladApiException.BadRequest(IroncladError.MissingParam("updates is required", "updates"))
                : IroncladApiException.BadRequest(IroncladError.InvalidParam("updates must be an array", "updates"));
        }

        if (updates.Count == 0)
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidParam("updates must not be empty", "updates"));
        }

        string? comment = null;
        if (body["comment"] is { } commentNode)
        {
            comment = commentNode is JsonValue value && value.GetValueKind() == JsonValueKind.String
                ? value.GetValue<string>()
                : throw IroncladApiException.BadRequest(IroncladError.InvalidParam("comment must be a string", "comment"));
        }

        return new AttributeUpdateRequest([.. updates.Select(ParseChange)], comment);
    }

    private static AttributeChange ParseChange(JsonNode? node, int index)
    {
        if (node is not JsonObject update)
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidParam($"updates[{index}] must be an object", "updates"));
        }

        var action = update["action"] switch
        {
            null => "set",
            JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is "set" or "remove" => v.GetValue<string>(),
            _ => throw IroncladApiException.BadRequest(IroncladError.InvalidParam($"updates[{index}].action must be set or remove", "updates")),
        };
        var path = update["path"] is JsonValue p && p.GetValueKind() == JsonValueKind.String && p.GetValue<string>().Length > 0
            ? p.GetValue<string>()
            : throw IroncladApiException.BadRequest(IroncladError.MissingParam($"updates[{index}].path is required", "updates"));
        if (action == "set" && update["value"] is null)
        {
            throw IroncladApiException.BadRequest(IroncladError.MissingParam($"updates[{index}].value is required to set {path}", "updates"));
        }

        return new AttributeChange(action == "remove", path, update["value"]?.DeepClone());
    }
}

/// <summary>One update: set <see cref="Path"/> to <see cref="Value"/>, or remove its value.</summary>
public sealed record AttributeChange(bool Remove, string Path, JsonNode? Value);
