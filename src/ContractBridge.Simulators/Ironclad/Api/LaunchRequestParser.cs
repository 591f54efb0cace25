using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Lifecycle;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// Reads a launch body (WorkflowLaunchModel): <c>template</c>, <c>attributes</c> and, with a legacy token, <c>creator</c>.
/// With the seed dialect on it also takes the seed's <c>{"template":{"id"}}</c> and <c>signerGroups</c>.
/// </summary>
public static class LaunchRequestParser
{
    public static LaunchRequest Parse(JsonObject body, IroncladCaller caller, IroncladState state)
    {
        var (templateId, seedForm) = ParseTemplate(body, state.SeedDialect);
        foreach (var (key, _) in body)
        {
            if (key is not ("template" or "attributes" or "creator") && !(seedForm && key == "signerGroups"))
            {
                throw IroncladApiException.BadRequest(IroncladError.InvalidParam($"unknown parameter {key}", key));
            }
        }

        var attributes = body["attributes"] switch
        {
            null => throw IroncladApiException.BadRequest(IroncladError.MissingParam("attributes is required", "attributes")),
            JsonObject obj => (JsonObject)obj.DeepClone(),
            _ => throw IroncladApiException.BadRequest(IroncladError.InvalidParam("attributes must be an object", "attributes")),
        };
        var creator = caller.IsLegacyToken ? ParseCreator(body["creator"], state, "launching") : caller.ActingUser!;
        var signerGroups = seedForm ? body["signerGroups"] as JsonArray : null;
        return new LaunchRequest(templateId, attributes, creator, seedForm, signerGroups);
    }

    private static (string TemplateId, bool SeedForm) ParseTemplate(JsonObject body, bool seedDialect)
    {
        switch (body["template"])
        {
            case null:
                throw IroncladApiException.BadRequest(IroncladError.MissingParam("template is required", "template"));
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return (value.GetValue<string>(), false);
            case JsonObject obj when seedDialect && obj["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String:
                return (id.GetValue<string>(), true);
            default:
                throw IroncladApiException.BadRequest(IroncladError.InvalidParam("template must be a template id string", "template"));
        }
    }

    /// <summary>A legacy token acts for the company, so the body must say which user launches (or comments).</summary>
    internal static IroncladUser ParseCreator(JsonNode? node, IroncladState state, string doing)
    {
        if (node is null)
        {
            throw IroncladApiException.BadRequest(IroncladError.MissingParam(
                $"creator is required when {doing} with a legacy API token", "creator"));
        }

        var invalid = IroncladApiException.BadRequest(IroncladError.InvalidParam(
            "creator must be {\"type\":\"email\",\"email\"} or {\"type\":\"id\",\"id\"} naming a user of this company", "creator"));
        if (node is not JsonObject creator)
        {
            throw invalid;
        }

        var type = StringOf(creator["type"]) ?? (creator.ContainsKey("id") ? "id" : "email");
        var user = type switch
        {
            "email" when StringOf(creator["email"]) is { } email => state.FindUserByEmail(email),
            "id" when StringOf(creator["id"]) is { } id => state.FindUserById(id),
            _ => null,
        };
        return user ?? throw invalid;
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
