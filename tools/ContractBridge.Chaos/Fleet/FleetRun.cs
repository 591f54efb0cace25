using Microsoft.Extensions.Logging;

namespace ContractBridge.Chaos.Fleet;

/// <summary>The fleet run of issue 15: instances on one PostgreSQL database, kills, storms, jitter, outages, a bad item.</summary>
public sealed record FleetRun
{
    public int Deals { get; init; } = 200;

    public int Kills { get; init; } = 6;

    public int Seed { get; init; } = 1;

    /// <summary>A PostgreSQL server (admin connection string): a fresh database is made for the run.</summary>
    public required string PostgresServer { get; init; }

    public int Instances { get; init; } = 3;

    /// <summary>How long each upstream fails every call: an hour at the simulators' 60× clock by default.</summary>
    public TimeSpan Outage { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The network's jitter before the simulators count a call (the bridge's arrival margin is 100 ms).</summary>
    public TimeSpan ArrivalJitter { get; init; } = TimeSpan.FromMilliseconds(100);

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "contractbridge-chaos");

    /// <summary>How long each phase may take before the run fails: the lifecycle's allowance plus both outages.</summary>
    public TimeSpan PhaseTimeout => TimeSpan.FromSeconds(90 + (Deals * 0.6)) + (Outage * 2);
}
