namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>A created pipeline: its id and each stage's id, in order (the last two are 142 and 143).</summary>
public sealed record SeededPipeline(long Id, string Name, IReadOnlyList<SeededStatus> Statuses)
{
    /// <summary>The id of the stage with this name; throws when there is none, naming the stages there are.</summary>
    public long StatusId(string name) =>
        Statuses.FirstOrDefault(s => s.Name == name)?.Id
        ?? throw new KeyNotFoundException($"Pipeline '{Name}' has no stage '{name}'; it has: {string.Join(", ", Statuses.Select(s => s.Name))}.");
}
