using Microsoft.Extensions.Logging;

namespace ContractBridge.Chaos.World;

/// <summary>The bridge's settings that change from run to run; everything else comes from the world.</summary>
public sealed record BridgeTuning
{
    public string? DataDirectory { get; init; }

    public string? Postgres { get; init; }

    /// <summary>Null turns the reconciler off.</summary>
    public TimeSpan? ReconcilerInterval { get; init; } = TimeSpan.FromSeconds(5);

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Short, so jobs held by a killed instance are taken over within seconds.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan KommoRefreshBefore { get; init; } = TimeSpan.FromMinutes(10);

    public IReadOnlyDictionary<string, string?> Extra { get; init; } = new Dictionary<string, string?>();
}
