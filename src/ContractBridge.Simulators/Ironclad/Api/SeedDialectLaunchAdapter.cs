using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// Maps the seed document's launch onto a real template where that is cheap: the first signer of
/// <c>signerGroups</c> fills the counterparty signer attributes, and a bare number for a monetary attribute becomes
/// USD. Everything is then validated as usual, so the seed's own bug (the signer's name sent as the email) still
/// answers INVALID_PARAM, as the real API would.
/// </summary>
public static class SeedDialectLaunchAdapter
{
    public static JsonObject Adapt(WorkflowTemplate template, JsonObject attributes, JsonArray? signerGroups)
    {
        var signer = signerGroups?.OfType<JsonObject>()
            .SelectMany(g => g["signers"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault();
        if (signer is not null)
        {
            Fill(template, attributes, "counterpartySignerName", signer["name"]);
            Fill(template, attributes, "counterpartySignerEmail", signer["email"]);
        }

        foreach (var attribute in template.Attributes.Where(a => a.Type == AttributeTypes.MonetaryAmount))
        {
            if (attributes[attribute.Id] is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
            {
                attributes[attribute.Id] = new JsonObject { ["currency"] = "USD", ["amount"] = value.DeepClone() };
            }
        }

        return attributes;
    }

    private static void Fill(WorkflowTemplate template, JsonObject attributes, string attributeId, JsonNode? value)
    {
        if (value is not null && template.Find(attributeId) is not null && attributes[attributeId] is null)
        {
            attributes[attributeId] = value.DeepClone();
        }
    }
}
