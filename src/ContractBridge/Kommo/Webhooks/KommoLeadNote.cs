namespace ContractBridge.Kommo.Webhooks;

/// <summary>
/// A note added to a lead, as note_lead carries it (<c>leads[note][i][note][...]</c>, Kommo's v2 names).
/// </summary>
/// <param name="NoteType">v2's number: 4 is a common (text) note; 25 a service message; 10/11 calls…</param>
/// <param name="CreatedBy">The author's user id; 0 for Kommo's own robots (Salesbot, digital pipeline).</param>
public sealed record KommoLeadNote(long LeadId, long NoteId, int NoteType, string Text, long? CreatedBy)
{
    public const int CommonNoteType = 4;
}
