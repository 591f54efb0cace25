using System.Text.Json.Nodes;

namespace ContractBridge.Kommo.Api;

/// <summary>A note on a lead, as read back (to check whether a note was already written).</summary>
public sealed record KommoNote(long Id, long EntityId, string NoteType, JsonObject? Params, long? CreatedAt)
{
    public string? Text => Params?["text"]?.GetValue<string>();
}

/// <summary>
/// A note to write. <see cref="Params"/>: <c>{"text"}</c> for common notes, file ids for attachments.
/// <see cref="RequestId"/> names it in Kommo's answer (see <see cref="IKommoBatchItem"/>).
/// </summary>
public sealed record KommoNewNote(long EntityId, string NoteType, JsonObject Params, string? RequestId = null) : IKommoBatchItem
{
    public static KommoNewNote Common(long leadId, string text) => new(leadId, "common", new JsonObject { ["text"] = text });

    public static KommoNewNote Attachment(long leadId, KommoUploadedFile file) => new(leadId, "attachment", new JsonObject
    {
        ["file_uuid"] = file.Uuid,
        ["version_uuid"] = file.VersionUuid,
        ["file_name"] = file.Name,
    });
}
