namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A pipeline stage. Ids 142 and 143 are the system stages every pipeline shares.</summary>
internal sealed class KommoStatus
{
    public const long ClosedWon = 142;
    public const long ClosedLost = 143;

    public required long Id { get; init; }

    public required long PipelineId { get; init; }

    public required string Name { get; set; }

    public int Sort { get; set; }

    public string Color { get; set; } = "#99ccff";

    public static bool IsClosed(long statusId) => statusId is ClosedWon or ClosedLost;
}
