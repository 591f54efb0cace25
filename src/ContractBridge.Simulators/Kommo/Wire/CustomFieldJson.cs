using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;

namespace ContractBridge.Simulators.Kommo.Wire;

/// <summary>A custom field definition as <c>GET /api/v4/{entity}/custom_fields</c> answers.</summary>
internal static class CustomFieldJson
{
    public static JsonObject Write(CustomFieldDefinition field, KommoLinks links, long accountId)
    {
        JsonArray? enums = null;
        if (field.HasEnums)
        {
            enums = [];
            foreach (var choice in field.Enums)
            {
                enums.Add(new JsonObject { ["id"] = choice.Id, ["value"] = choice.Value, ["sort"] = choice.Sort });
            }
        }

        return new JsonObject
        {
            ["id"] = field.Id,
            ["name"] = field.Name,
            ["type"] = field.Type,
            ["account_id"] = accountId,
            ["code"] = field.Code,
            ["sort"] = field.Sort,
            ["is_api_only"] = false,
            ["enums"] = enums,
            ["group_id"] = null,
            ["required_statuses"] = new JsonArray(),
            ["is_deletable"] = !field.IsPredefined,
            ["is_predefined"] = field.IsPredefined,
            ["entity_type"] = field.EntityType,
            ["remind"] = null,
            ["_links"] = KommoLinks.Self(links.Api($"{field.EntityType}/custom_fields/{field.Id}")),
        };
    }
}
