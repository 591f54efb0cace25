using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ContractBridge.Simulators.Tests.Ironclad.Support;

/// <summary>
/// Ironclad's OpenAPI 3.1 description, loaded from the shared reference, with response schemas turned into standalone
/// JSON Schema 2020-12 documents: every <c>$ref</c> into <c>#/components/...</c> is copied into <c>$defs</c>, so
/// JsonSchema.Net validates exactly what the description says, nothing the test invented.
/// A few quirks of the description are adapted below (see <see cref="AdaptQuirks"/>), each for a stated reason.
/// </summary>
public sealed class OpenApiDocument
{
    private static readonly Lazy<OpenApiDocument> Shared = new(Load);
    private readonly JsonObject _root;

    private OpenApiDocument(JsonObject root) => _root = root;

    public static OpenApiDocument Ironclad => Shared.Value;

    /// <summary>The schema of a response: <c>path</c>, <c>method</c>, <c>status</c> as in the description.</summary>
    public JsonNode ResponseSchema(string path, string method, string status)
    {
        var response = _root["paths"]![path]![method]!["responses"]![status]!;
        return ResolveResponse(response);
    }

    /// <summary>The schema of a named response, e.g. <c>WorkflowLaunchResponse200</c>.</summary>
    public JsonNode ComponentResponseSchema(string name) => ResolveResponse(_root["components"]!["responses"]![name]!);

    public static JsonNode ComponentSchemaRef(string name) => new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };

    /// <summary>Validates <paramref name="instance"/>; returns the errors (empty when valid).</summary>
    public IReadOnlyList<string> Validate(JsonNode schema, JsonNode? instance)
    {
        var standalone = Standalone(schema);
        var built = JsonSchema.FromText(standalone.ToJsonString(), new BuildOptions { Dialect = Dialect.Draft202012 });
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var results = built.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))];
    }

    /// <summary>Asserts <paramref name="instance"/> is valid, showing every error otherwise.</summary>
    public void AssertValid(JsonNode schema, JsonNode? instance)
    {
        var errors = Validate(schema, instance);
        Assert.True(errors.Count == 0, "Not valid against Ironclad's OpenAPI description:\n" + string.Join("\n", errors) + "\nInstance: " + instance?.ToJsonString());
    }

    private JsonNode ResolveResponse(JsonNode response)
    {
        while (response["$ref"] is JsonValue reference)
        {
            response = Resolve(reference.GetValue<string>());
        }

        return response["content"]!["application/json"]!["schema"]!;
    }

    private JsonObject Standalone(JsonNode schema)
    {
        var definitions = new JsonObject();
        var rewritten = Rewrite(schema.DeepClone(), definitions);
        var result = rewritten as JsonObject ?? new JsonObject { ["allOf"] = new JsonArray(rewritten) };
        result["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        result["$defs"] = definitions;
        return result;
    }

    /// <summary>Copies referenced components into <paramref name="definitions"/> and points the refs there.</summary>
    private JsonNode? Rewrite(JsonNode? node, JsonObject definitions)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>().StartsWith("#/components/", StringComparison.Ordinal))
                {
                    var target = reference.GetValue<string>();
                    var name = target["#/components/".Length..].Replace('/', '_');
                    if (!definitions.ContainsKey(name))
                    {
                        definitions[name] = new JsonObject();
                        definitions[name] = Rewrite(Resolve(target).DeepClone(), definitions);
                    }

                    obj["$ref"] = $"#/$defs/{name}";
                    return obj;
                }

                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (key is "example" or "nullable")
                    {
                        obj.Remove(key);
                        continue;
                    }

                    var child = obj[key];
                    var rewritten = Rewrite(child, definitions);
                    if (!ReferenceEquals(child, rewritten))
                    {
                        obj[key] = rewritten;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var item = array[i];
                    var rewritten = Rewrite(item, definitions);
                    if (!ReferenceEquals(item, rewritten))
                    {
                        array[i] = rewritten;
                    }
                }

                return array;
            default:
                return node;
        }
    }

    private JsonNode Resolve(string pointer)
    {
        JsonNode current = _root;
        foreach (var segment in pointer.TrimStart('#', '/').Split('/'))
        {
            current = current[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                ?? throw new KeyNotFoundException(pointer);
        }

        return current;
    }

    private static OpenApiDocument Load()
    {
        var root = (JsonObject)YamlToJson.Convert(File.ReadAllText(SharedReference.Path("ironclad-public-api.openapi.yml")))!;
        AdaptQuirks(root);
        return new OpenApiDocument(root);
    }

    /// <summary>
    /// Places where the description contradicts itself or Ironclad's documented answers; each is loosened as little as
    /// possible so the rest of the schema still binds.
    /// </summary>
    private static void AdaptQuirks(JsonObject root)
    {
        var schemas = root["components"]!["schemas"]!;
        var responses = root["components"]!["responses"]!;

        // LaunchedWorkflow.schema points at AttributesModel, the model of attribute *values* (counterpartyName: string),
        // while the field carries the attribute *definitions* ({type, displayName}); WorkflowResponseModel.schema
        // describes them as objects. Take the definition-map shape: an object.
        schemas["LaunchedWorkflow"]!["properties"]!["schema"] = new JsonObject { ["type"] = "object" };

        // CreatorModel says additionalProperties: false next to a oneOf of its two shapes, which in JSON Schema forbids
        // every property, including the documented "type" and "email". The oneOf alone says what is meant.
        ((JsonObject)schemas["CreatorModel"]!).Remove("additionalProperties");

        // The async status wrapper has additionalProperties: false and no properties next to its oneOf: as written it
        // rejects every body, including the description's own examples. The oneOf branches are closed themselves.
        ((JsonObject)responses["AsyncWorkflowStatusResponse200"]!["content"]!["application/json"]!["schema"]!).Remove("additionalProperties");

        // Both webhook-create 400 shapes accept {"code":"INVALID_PARAM",...}, so a oneOf can never pass for a duplicate
        // target URL; anyOf is what the description means (either documented error).
        var webhook400 = (JsonObject)responses["WebhookCreateResponse400"]!["content"]!["application/json"]!["schema"]!;
        webhook400["anyOf"] = webhook400["oneOf"]!.DeepClone();
        webhook400.Remove("oneOf");
    }
}
