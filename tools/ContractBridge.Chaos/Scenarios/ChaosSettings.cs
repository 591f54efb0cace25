using Microsoft.Extensions.Logging;

namespace ContractBridge.Chaos.Scenarios;

/// <summary>What the command line asked for; unset numbers take each scenario's default.</summary>
public sealed record ChaosSettings
{
    public int? Deals { get; init; }

    public int? Kills { get; init; }

    /// <summary>A PostgreSQL server's connection string (the runs make and drop their own databases on it).</summary>
    public string? Postgres { get; init; }

    public int Seed { get; init; } = 1;

    public int Runs { get; init; } = 1;

    public int? Requests { get; init; }

    public IReadOnlyList<string>? DashboardPaths { get; init; }

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "contractbridge-chaos");
}
