using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Control;

/// <summary>Turns the account's internal state into the control API's views. Runs under the store's lock.</summary>
internal static class KommoInspection
{
    public static LeadInspection Lead(KommoLead lead, KommoAccountData data)
    {
        var notes = data.Notes.Values.Where(n => n.EntityType == "leads" && n.EntityId == lead.Id).ToList();
        var tasks = data.Tasks.Values.Where(t => t.EntityType == "leads" && t.EntityId == lead.Id).Select(Task).ToList();
        var attachments = new List<AttachmentView>();
        foreach (var note in notes.Where(n => n.NoteType == "attachment"))
        {
            if (Guid.TryParse(note.Params["file_uuid"]?.GetValue<string>(), out var uuid) && data.Files.TryGetValue(uuid, out var file))
            {
                var name = note.Params["file_name"]?.GetValue<string>() ?? file.Name;
                attachments.Add(new AttachmentView(note.Id, file.Uuid, file.VersionUuid, name, file.Content.LongLength, KommoControl.Sha256Of(file.Content), file.ContentType));
            }
        }

        return new LeadInspection(
            lead.Id,
            lead.Name,
            lead.Price,
            lead.PipelineId,
            lead.StatusId,
            lead.ResponsibleUserId,
            lead.LossReasonId,
            lead.CreatedAt,
            lead.UpdatedAt,
            lead.ClosedAt,
            [.. lead.CustomFields.Select(v => FieldValue(v, data)).OfType<FieldValueView>()],
            [.. lead.Contacts.Select(c => new SeedLeadContact(c.ContactId, c.IsMain))],
            lead.CompanyId,
            [.. notes.Select(Note)],
            tasks,
            attachments,
            [.. Operations.LeadTags.Of(lead, data).Select(t => t.Name)]);
    }

    public static NoteView Note(KommoNote note) => new(
        note.Id,
        note.EntityId,
        note.NoteType,
        note.Params["text"] is System.Text.Json.Nodes.JsonValue text && text.TryGetValue<string>(out var value) ? value : null,
        note.Params.DeepClone().AsObject(),
        note.CreatedBy,
        note.CreatedAt);

    public static TaskView Task(KommoTask task) => new(
        task.Id, task.EntityId, task.EntityType, task.Text, task.CompleteTill, task.TaskTypeId, task.ResponsibleUserId, task.IsCompleted, task.CreatedAt);

    public static DriveFileView File(DriveFile file) => new(
        file.Uuid, file.VersionUuid, file.Name, file.ContentType, file.Content.LongLength, KommoControl.Sha256Of(file.Content), file.CreatedAt);

    private static FieldValueView? FieldValue(CustomFieldValue value, KommoAccountData data) =>
        data.CustomFields.TryGetValue(value.FieldId, out var field)
            ? new FieldValueView(field.Id, field.Name, field.Code, field.Type, [.. value.Values.Select(i => new FieldValueItemView(i.Value?.DeepClone(), i.EnumId, i.EnumCode))])
            : null;
}
