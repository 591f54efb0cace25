namespace ContractBridge.Simulators.Kommo.Control.Contracts;

public sealed record SeedLossReason
{
    public required string Name { get; init; }
}
