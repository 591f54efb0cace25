namespace ContractBridge.Simulators.Kommo.Webhooks;

/// <summary>
/// One lead event as a webhook carries it: the action ("status", "add", "update", "delete", "note") and the lead's (or
/// the note's) fields in the old v2 names, every value already a string, captured when the change happened. Contact and
/// company edits travel the same way (<see cref="ContactUpdate"/>): Kommo sends both under <c>contacts[update]</c>, a
/// company with <c>[type]=company</c>, and <see cref="LeadId"/> is then the contact's or company's id.
/// </summary>
internal sealed record LeadEvent(string Action, long LeadId, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public const string Status = "status";
    public const string Add = "add";
    public const string Update = "update";
    public const string Delete = "delete";

    /// <summary>A note added to the lead: its fields sit under <c>leads[note][i][note][...]</c>.</summary>
    public const string Note = "note";

    /// <summary>The body's top-level key: "leads", or "contacts" for contact and company events.</summary>
    public string Section { get; init; } = "leads";

    /// <summary>The registration setting that subscribes to this event: "status_lead", "add_lead", "update_lead", "delete_lead", "note_lead", "update_contact", "update_company".</summary>
    public string Setting { get; init; } = Action + "_lead";

    public bool IsLead => Section == "leads";

    /// <summary>A contact's or company's card was edited: update_contact or update_company.</summary>
    public static LeadEvent ContactUpdate(long id, bool isCompany, IReadOnlyList<KeyValuePair<string, string>> fields) =>
        new(Update, id, fields) { Section = "contacts", Setting = isCompany ? "update_company" : "update_contact" };
}
