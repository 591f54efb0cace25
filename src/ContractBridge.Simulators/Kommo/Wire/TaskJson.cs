using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;

namespace ContractBridge.Simulators.Kommo.Wire;

internal static class TaskJson
{
    public static JsonObject Write(KommoTask task, KommoLinks links, long accountId) => new()
    {
        ["id"] = task.Id,
        ["created_by"] = task.CreatedBy,
        ["updated_by"] = task.CreatedBy,
        ["created_at"] = task.CreatedAt,
        ["updated_at"] = task.UpdatedAt,
        ["responsible_user_id"] = task.ResponsibleUserId,
        ["group_id"] = 0,
        ["entity_id"] = task.EntityId,
        ["entity_type"] = task.EntityType,
        ["duration"] = task.Duration,
        ["is_completed"] = task.IsCompleted,
        ["task_type_id"] = task.TaskTypeId,
        ["text"] = task.Text,
        ["result"] = new JsonArray(),
        ["complete_till"] = task.CompleteTill,
        ["account_id"] = accountId,
        ["_links"] = KommoLinks.Self(links.Api($"tasks/{task.Id}")),
    };
}
