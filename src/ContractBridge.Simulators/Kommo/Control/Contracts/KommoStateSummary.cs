namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>How much the account holds; a quick check after seeding or reset.</summary>
public sealed record KommoStateSummary(
    int Users,
    int Pipelines,
    int CustomFields,
    int Leads,
    int Contacts,
    int Companies,
    int Notes,
    int Tasks,
    int Files,
    int Webhooks);
