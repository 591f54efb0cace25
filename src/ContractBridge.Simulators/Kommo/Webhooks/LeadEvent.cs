namespace ContractBridge.Simulators.Kommo.Webhooks;

/// <summary>
/// One lead event as a webhook carries it: the action ("status", "add", "update") and the lead's fields in the old v2
/// names, every value already a string, captured when the change happened.
/// </summary>
internal sealed record LeadEvent(string Action, long LeadId, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public const string Status = "status";
    public const string Add = "add";
    public const string Update = "update";

    /// <summary>The registration setting that subscribes to this action: "status_lead", "add_lead", "update_lead".</summary>
    public string Setting => Action + "_lead";
}
