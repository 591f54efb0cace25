using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;

namespace ContractBridge.Simulators.Kommo.Wire;

/// <summary>A note as <c>GET /api/v4/leads/notes</c> answers it; <c>params</c> is what the creator sent.</summary>
internal static class NoteJson
{
    public static JsonObject Write(KommoNote note, KommoLinks links, long accountId) => new()
    {
        ["id"] = note.Id,
        ["entity_id"] = note.EntityId,
        ["created_by"] = note.CreatedBy,
        ["updated_by"] = note.CreatedBy,
        ["created_at"] = note.CreatedAt,
        ["updated_at"] = note.UpdatedAt,
        ["responsible_user_id"] = note.ResponsibleUserId,
        ["group_id"] = 0,
        ["note_type"] = note.NoteType,
        ["params"] = note.Params.DeepClone(),
        ["account_id"] = accountId,
        ["_links"] = KommoLinks.Self(links.Api($"{note.EntityType}/{note.EntityId}/notes/{note.Id}")),
    };
}
