namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>A sales rep editing a deal's card (sends update_lead); only the fields given change.</summary>
public sealed record EditLead
{
    public required long LeadId { get; init; }

    public string? Name { get; init; }

    public long? Price { get; init; }

    public long? ResponsibleUserId { get; init; }

    public IReadOnlyList<SeedFieldValue> CustomFields { get; init; } = [];

    public long? ByUserId { get; init; }
}
