namespace ContractBridge.Simulators.Kommo.Control.Contracts;

public sealed record SeedCompany
{
    public required string Name { get; init; }

    /// <summary>Defaults to the account's admin.</summary>
    public long? ResponsibleUserId { get; init; }

    public IReadOnlyList<SeedFieldValue> CustomFields { get; init; } = [];
}
