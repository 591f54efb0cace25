namespace ContractBridge.Simulators.Kommo.Model;

internal sealed class KommoLossReason
{
    public required long Id { get; init; }

    public required string Name { get; set; }

    public int Sort { get; set; }

    public long CreatedAt { get; init; }
}
