namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>A sales rep editing a company's card (sends update_company); only the fields given change.</summary>
public sealed record EditCompany
{
    public required long CompanyId { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<SeedFieldValue> CustomFields { get; init; } = [];

    public long? ByUserId { get; init; }
}
