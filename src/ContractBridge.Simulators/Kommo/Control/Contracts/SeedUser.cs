namespace ContractBridge.Simulators.Kommo.Control.Contracts;

public sealed record SeedUser
{
    public required string Name { get; init; }

    public required string Email { get; init; }

    public bool IsAdmin { get; init; }
}
