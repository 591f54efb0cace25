using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Api;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>
/// Creates lead notes from <c>POST /leads/notes</c> (batch across leads) or <c>POST /leads/{id}/notes</c>, all or
/// nothing. An attachment note must name a file and version that were uploaded to the drive.
/// </summary>
internal static class NoteCreation
{
    public static CreationOutcome Run(IReadOnlyList<JsonElement> items, long? routeLeadId, KommoAccountData data, long userId, long now)
    {
        var failures = new List<RequestValidationErrors>();
        var planned = new List<(KommoNote Note, string RequestId)>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var requestId = JsonRead.RequestId(item, index);
            var errors = new List<ValidationError>();
            var note = Read(item, routeLeadId, data, userId, now, errors);
            if (errors.Count > 0)
            {
                failures.Add(new RequestValidationErrors(requestId, errors));
            }
            else if (note is not null)
            {
                planned.Add((note, requestId));
            }
        }

        if (failures.Count > 0)
        {
            return new CreationOutcome(failures, []);
        }

        var created = new List<CreatedItem>();
        foreach (var (draft, requestId) in planned)
        {
            var note = new KommoNote
            {
                Id = data.Ids.NextNote(),
                EntityId = draft.EntityId,
                NoteType = draft.NoteType,
                Params = draft.Params,
                CreatedBy = userId,
                ResponsibleUserId = draft.ResponsibleUserId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            data.Notes[note.Id] = note;
            created.Add(new CreatedItem(note.Id, note.EntityId, note.EntityType, requestId));
        }

        return new CreationOutcome([], created);
    }

    private static KommoNote? Read(JsonElement item, long? routeLeadId, KommoAccountData data, long userId, long now, List<ValidationError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ValidationError.InvalidType("", "object"));
            return null;
        }

        var entityId = routeLeadId ?? JsonRead.Integer(item, "entity_id", "entity_id", errors);
        if (entityId is null && !JsonRead.Has(item, "entity_id"))
        {
            errors.Add(ValidationError.FieldMissing("entity_id"));
        }
        else if (entityId is { } leadId && !data.Leads.ContainsKey(leadId))
        {
            errors.Add(new ValidationError("NotFound", "entity_id", $"Lead {leadId} not found"));
        }

        var noteType = JsonRead.String(item, "note_type", "note_type", errors);
        if (noteType is null)
        {
            if (!JsonRead.Has(item, "note_type"))
            {
                errors.Add(ValidationError.FieldMissing("note_type"));
            }

            return null;
        }

        if (!NoteTypes.IsKnown(noteType))
        {
            errors.Add(ValidationError.NotSupportedChoice("note_type"));
            return null;
        }

        var parameters = ReadParams(item, noteType, data, errors);
        var responsible = JsonRead.Integer(item, "responsible_user_id", "responsible_user_id", errors) ?? userId;
        if (!data.Users.ContainsKey(responsible))
        {
            errors.Add(ValidationError.NotSupportedChoice("responsible_user_id"));
        }

        if (errors.Count > 0 || parameters is null || entityId is null)
        {
            return null;
        }

        return new KommoNote
        {
            Id = 0,
            EntityId = entityId.Value,
            NoteType = noteType,
            Params = parameters,
            ResponsibleUserId = responsible,
            CreatedAt = now,
        };
    }

    private static JsonObject? ReadParams(JsonElement item, string noteType, KommoAccountData data, List<ValidationError> errors)
    {
        if (!item.TryGetProperty("params", out var raw))
        {
            errors.Add(ValidationError.FieldMissing("params"));
            return null;
        }

        if (raw.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ValidationError.InvalidType("params", "object"));
            return null;
        }

        foreach (var name in NoteTypes.RequiredParamsOf(noteType))
        {
            if (!raw.TryGetProperty(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                errors.Add(ValidationError.FieldMissing($"params.{name}"));
            }
        }

        if (noteType == NoteTypes.Attachment)
        {
            CheckAttachment(raw, data, errors);
        }

        return JsonNode.Parse(raw.GetRawText())!.AsObject();
    }

    /// <summary>The file must be on the drive, in that version; a bad uuid is the client's bug, so it is a 400.</summary>
    private static void CheckAttachment(JsonElement parameters, KommoAccountData data, List<ValidationError> errors)
    {
        var fileUuid = JsonRead.String(parameters, "file_uuid", "params.file_uuid", errors);
        var versionUuid = JsonRead.String(parameters, "version_uuid", "params.version_uuid", errors);
        JsonRead.String(parameters, "file_name", "params.file_name", errors);
        if (fileUuid is null || versionUuid is null)
        {
            return;
        }

        if (!Guid.TryParse(fileUuid, out var uuid) || !data.Files.TryGetValue(uuid, out var file))
        {
            errors.Add(ValidationError.NotSupportedChoice("params.file_uuid", "File not found on the account's drive"));
            return;
        }

        if (!Guid.TryParse(versionUuid, out var version) || version != file.VersionUuid)
        {
            errors.Add(ValidationError.NotSupportedChoice("params.version_uuid", "File version not found"));
        }
    }
}
