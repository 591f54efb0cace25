namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A lead pipeline with its stages, in sort order. Always ends with 142 (Closed - won) and 143 (Closed - lost).</summary>
internal sealed class KommoPipeline
{
    public required long Id { get; init; }

    public required string Name { get; set; }

    public int Sort { get; set; }

    public bool IsMain { get; set; }

    public List<KommoStatus> Statuses { get; } = [];

    public KommoStatus? FindStatus(long statusId) => Statuses.Find(s => s.Id == statusId);

    /// <summary>Where a lead lands when it is moved into this pipeline without a stage: the first open stage.</summary>
    public KommoStatus FirstOpenStatus => Statuses.Find(s => !KommoStatus.IsClosed(s.Id)) ?? Statuses[0];
}
