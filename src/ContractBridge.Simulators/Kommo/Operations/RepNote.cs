using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>A common note a person writes on a lead in Kommo's own screens: the person is its author (created_by).</summary>
internal static class RepNote
{
    public static KommoNote Write(KommoAccountData data, long leadId, long authorId, string text, long now)
    {
        var note = new KommoNote
        {
            Id = data.Ids.NextNote(),
            EntityId = leadId,
            NoteType = NoteTypes.Common,
            Params = new JsonObject { ["text"] = text },
            CreatedBy = authorId,
            ResponsibleUserId = authorId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        data.Notes[note.Id] = note;
        return note;
    }
}
