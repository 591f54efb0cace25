using System.Globalization;
using ContractBridge.Simulators.Kommo.Model;

namespace ContractBridge.Simulators.Kommo.Webhooks;

/// <summary>
/// A lead note as Kommo's note_lead webhook carries it, in the old v2 names under <c>leads[note][i][note][...]</c>:
/// element_id (the lead), element_type 2 (leads), note_type as v2's number (4 common, 5 attachment, 25 service
/// message…), text, created_by / modified_by / main_user_id, date_create and timestamp_x as "yyyy-MM-dd HH:mm:ss", and
/// created_at / updated_at as unix seconds. Notes written through the API send it too, so a receiver sees its own notes.
/// </summary>
internal static class NoteWebhookFields
{
    private const int LeadElementType = 2;

    private static readonly Dictionary<string, int> V2NoteTypes = new(StringComparer.Ordinal)
    {
        ["common"] = 4,
        ["attachment"] = 5,
        ["call_in"] = 10,
        ["call_out"] = 11,
        ["service_message"] = 25,
        ["extended_service_message"] = 25,
        ["sms_in"] = 102,
        ["sms_out"] = 103,
    };

    public static LeadEvent EventOf(KommoNote note, long accountId) => new(LeadEvent.Note, note.EntityId, Of(note, accountId));

    public static IReadOnlyList<KeyValuePair<string, string>> Of(KommoNote note, long accountId)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string key, string value) => fields.Add(new($"note[{key}]", value));
        void AddNumber(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

        AddNumber("element_type", LeadElementType);
        AddNumber("element_id", note.EntityId);
        AddNumber("note_type", V2NoteTypes.GetValueOrDefault(note.NoteType, 4));
        Add("text", note.Params["text"]?.GetValue<string>() ?? note.Params["file_name"]?.GetValue<string>() ?? string.Empty);
        AddNumber("account_id", accountId);
        var created = DateTimeOffset.FromUnixTimeSeconds(note.CreatedAt).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        Add("date_create", created);
        Add("timestamp_x", created);
        AddNumber("created_by", note.CreatedBy);
        AddNumber("modified_by", note.CreatedBy);
        AddNumber("main_user_id", note.ResponsibleUserId);
        AddNumber("group_id", 0);
        AddNumber("id", note.Id);
        AddNumber("created_at", note.CreatedAt);
        AddNumber("updated_at", note.UpdatedAt);
        return fields;
    }
}
