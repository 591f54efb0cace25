using ContractBridge.Simulators.Common;
using Microsoft.Extensions.Logging;

namespace ContractBridge.Chaos.Scenarios;

/// <summary>One lifecycle run: how many deals, which faults, how many kills, which store and how many instances.</summary>
public sealed record LifecycleRun
{
    public required string Name { get; init; }

    public int Deals { get; init; } = 500;

    public int Kills { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>A PostgreSQL server (admin connection string): a fresh database is made for the run. Null: SQLite.</summary>
    public string? PostgresServer { get; init; }

    /// <summary>Instances sharing the database behind a load balancer (PostgreSQL only).</summary>
    public int Instances { get; init; } = 1;

    public FaultProfile KommoFaults { get; init; } = FaultProfile.None;

    public FaultProfile IroncladFaults { get; init; } = FaultProfile.None;

    /// <summary>Every few seconds one simulator answers every call 429 for 1–3 s.</summary>
    public bool RateLimitStorms { get; init; }

    public TimeSpan? ReconcilerInterval { get; init; } = TimeSpan.FromSeconds(5);

    public bool KommoOAuth { get; init; }

    public TimeSpan KommoAccessTokenLifetime { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan KommoRefreshBefore { get; init; } = TimeSpan.FromMinutes(10);

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Where each run's data and logs go (a subdirectory per run).</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "contractbridge-chaos");

    /// <summary>How long each phase may take before the run fails.</summary>
    public TimeSpan PhaseTimeout => TimeSpan.FromSeconds(90 + (Deals * 0.6));
}
