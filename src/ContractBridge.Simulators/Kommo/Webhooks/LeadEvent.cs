namespace ContractBridge.Simulators.Kommo.Webhooks;

/// <summary>
/// One lead event as a webhook carries it: the action ("status", "add", "update", "delete", "note") and the lead's (or
/// the note's) fields in the old v2 names, every value already a string, captured when the change happened.
/// </summary>
internal sealed record LeadEvent(string Action, long LeadId, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public const string Status = "status";
    public const string Add = "add";
    public const string Update = "update";
    public const string Delete = "delete";

    /// <summary>A note added to the lead: its fields sit under <c>leads[note][i][note][...]</c>.</summary>
    public const string Note = "note";

    /// <summary>The registration setting that subscribes to this action: "status_lead", "add_lead", "update_lead", "delete_lead", "note_lead".</summary>
    public string Setting => Action + "_lead";
}
