using System.Globalization;

namespace ContractBridge.Kommo.Webhooks;

/// <summary>
/// Collects the fields of note_lead's notes (<c>leads[note][i][note][text]</c>, <c>[element_id]</c>, <c>[note_type]</c>,
/// <c>[created_by]</c>, <c>[id]</c>) while <see cref="KommoWebhookParser"/> reads a form body, and turns them into
/// <see cref="KommoLeadNote"/>s. Only notes on leads (element_type 2, or none given) are kept.
/// </summary>
internal sealed class KommoNoteFields(int maxNotes)
{
    public const string Section = "note";

    private const string LeadElementType = "2";

    private readonly SortedDictionary<int, Dictionary<string, string>> _notes = [];

    /// <summary>Keeps <c>leads[note][index][note][name]</c>; other shapes under leads[note] are ignored.</summary>
    public void Add(int index, IReadOnlyList<string> keyParts, string value)
    {
        if (keyParts.Count != 5 || keyParts[3] != Section)
        {
            return;
        }

        if (!_notes.TryGetValue(index, out var note))
        {
            if (_notes.Count >= maxNotes)
            {
                throw new NoteFormatException($"The body holds more than {maxNotes} notes.");
            }

            note = new Dictionary<string, string>(StringComparer.Ordinal);
            _notes.Add(index, note);
        }

        note[keyParts[4]] = value;
    }

    /// <param name="parseId">The parser's rule for ids (positive integers); it throws on anything else.</param>
    public IReadOnlyList<KommoLeadNote>? ToNotes(Func<string, string, long> parseId)
    {
        if (_notes.Count == 0)
        {
            return null;
        }

        var notes = new List<KommoLeadNote>();
        foreach (var (index, fields) in _notes)
        {
            var prefix = $"leads[note][{index}][note]";
            if (fields.TryGetValue("element_type", out var type) && type != LeadElementType)
            {
                continue;
            }

            var leadId = fields.TryGetValue("element_id", out var element) ? parseId(element, $"{prefix}[element_id]") : throw new NoteFormatException($"{prefix} has no [element_id].");
            var noteId = fields.TryGetValue("id", out var id) ? parseId(id, $"{prefix}[id]") : throw new NoteFormatException($"{prefix} has no [id].");
            var noteType = fields.TryGetValue("note_type", out var typeText) && int.TryParse(typeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            long? createdBy = fields.TryGetValue("created_by", out var author) && long.TryParse(author, NumberStyles.None, CultureInfo.InvariantCulture, out var user) ? user : null;
            notes.Add(new KommoLeadNote(leadId, noteId, noteType, fields.GetValueOrDefault("text") ?? string.Empty, createdBy));
        }

        return notes;
    }

    public sealed class NoteFormatException(string message) : Exception(message);
}
