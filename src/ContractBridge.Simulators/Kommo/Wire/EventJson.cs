using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;

namespace ContractBridge.Simulators.Kommo.Wire;

/// <summary>
/// An event as <c>GET /api/v4/events</c> lists it: a string id, the entity in the singular ("lead"), and for a stage
/// change <c>value_before</c> / <c>value_after</c> as <c>[{"lead_status":{"id","pipeline_id"}}]</c>.
/// </summary>
internal static class EventJson
{
    public static JsonObject Write(KommoEvent entry, KommoLinks links, long accountId) => new()
    {
        ["id"] = entry.Id,
        ["type"] = entry.Type,
        ["entity_id"] = entry.EntityId,
        ["entity_type"] = entry.EntityType,
        ["created_by"] = entry.CreatedBy,
        ["created_at"] = entry.CreatedAt,
        ["value_after"] = Stage(entry.After),
        ["value_before"] = Stage(entry.Before),
        ["account_id"] = accountId,
        ["_links"] = KommoLinks.Self(links.Api($"events/{entry.Id}")),
        ["_embedded"] = new JsonObject
        {
            ["entity"] = new JsonObject
            {
                ["id"] = entry.EntityId,
                ["_links"] = KommoLinks.Self(links.Api($"leads/{entry.EntityId}")),
            },
        },
    };

    private static JsonArray Stage(LeadStage stage) =>
        new(new JsonObject { ["lead_status"] = new JsonObject { ["id"] = stage.StatusId, ["pipeline_id"] = stage.PipelineId } });
}
