namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>A pipeline to create, with its open stages in order; 142 (Closed - won) and 143 (Closed - lost) are added.</summary>
public sealed record SeedPipeline
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Stages { get; init; }

    /// <summary>The account's main pipeline; the first pipeline created is main when none is.</summary>
    public bool IsMain { get; init; }
}
