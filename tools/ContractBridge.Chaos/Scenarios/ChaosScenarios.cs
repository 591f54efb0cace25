using ContractBridge.Chaos.Fleet;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Chaos.Reporting;
using ContractBridge.Simulators.Common;

namespace ContractBridge.Chaos.Scenarios;

/// <summary>
/// The scenarios of issue 8 by name, with their long-run defaults. The CI tests build the same runs with small numbers
/// through the factory methods.
/// </summary>
public static class ChaosScenarios
{
    public static readonly IReadOnlyList<string> Names = ["crash", "faults", "events", "hostile", "oauth", "fleet", "all"];

    /// <summary>kill -9 at random points of a burst and its lifecycle, restarting each time. Two instances on PostgreSQL, one at a time killed.</summary>
    public static LifecycleRun Crash(int deals, int kills, int seed, string? postgresServer) => new()
    {
        Name = "crash",
        Deals = deals,
        Kills = kills,
        Seed = seed,
        PostgresServer = postgresServer,
        Instances = postgresServer is null ? 1 : 2,
    };

    /// <summary>20% 5xx, resets, 2 s latency spikes, answers lost after commit, and 429 storms, on both services.</summary>
    public static LifecycleRun UpstreamFaults(int deals, int seed, string? postgresServer = null) => new()
    {
        Name = "faults",
        Deals = deals,
        Seed = seed,
        PostgresServer = postgresServer,
        Instances = postgresServer is null ? 1 : 2,
        KommoFaults = LifecycleScenario.UpstreamFaults,
        IroncladFaults = LifecycleScenario.UpstreamFaults,
        RateLimitStorms = true,
    };

    /// <summary>30% of Ironclad's webhooks dropped, others duplicated and reordered; Kommo's duplicated. The reconciler (every 2 s) catches up.</summary>
    public static LifecycleRun LostAndDisordered(int deals, int seed, string? postgresServer = null) => new()
    {
        Name = "events",
        Deals = deals,
        Seed = seed,
        PostgresServer = postgresServer,
        Instances = postgresServer is null ? 1 : 2,
        ReconcilerInterval = TimeSpan.FromSeconds(2),
        IroncladFaults = new FaultProfile
        {
            WebhookDropRate = 0.3,
            WebhookDuplicateRate = 0.3,
            WebhookReorderRate = 0.3,
            WebhookReorderWindow = TimeSpan.FromSeconds(2),
        },
        KommoFaults = new FaultProfile
        {
            WebhookDuplicateRate = 0.5,
            WebhookReorderRate = 0.2,
            WebhookReorderWindow = TimeSpan.FromSeconds(1),
        },
    };

    /// <summary>Kommo OAuth2 with 20-second access tokens (refreshed 8 s early) on two instances sharing PostgreSQL.</summary>
    public static LifecycleRun OAuth(int deals, int seed, string postgresServer) => new()
    {
        Name = "oauth",
        Deals = deals,
        Seed = seed,
        PostgresServer = postgresServer,
        Instances = 2,
        KommoOAuth = true,
        KommoAccessTokenLifetime = TimeSpan.FromSeconds(20),
        KommoRefreshBefore = TimeSpan.FromSeconds(8),
    };

    /// <summary>Issue 15: three instances on PostgreSQL, kills, 429 storms, arrival jitter, an outage of each upstream, one bad item.</summary>
    public static FleetRun Fleet(int deals, int kills, int seed, string postgresServer) => new()
    {
        Deals = deals,
        Kills = kills,
        Seed = seed,
        PostgresServer = postgresServer,
    };

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(string name, ChaosSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var results = new List<ScenarioResult>();
        for (var run = 0; run < settings.Runs; run++)
        {
            var seed = settings.Seed + run;
            switch (name)
            {
                case "crash":
                    results.Add(await LifecycleAsync(Crash(settings.Deals ?? 500, settings.Kills ?? 10, seed, settings.Postgres), settings, log, cancellationToken));
                    break;
                case "faults":
                    results.Add(await LifecycleAsync(UpstreamFaults(settings.Deals ?? 500, seed) with { Kills = settings.Kills ?? 0 }, settings, log, cancellationToken));
                    break;
                case "events":
                    results.Add(await LifecycleAsync(LostAndDisordered(settings.Deals ?? 500, seed) with { Kills = settings.Kills ?? 0 }, settings, log, cancellationToken));
                    break;
                case "hostile":
                    results.Add(await HostileScenario.RunAsync(Hostile(settings, seed), log, cancellationToken));
                    break;
                case "oauth":
                    results.Add(await WithPostgresAsync("oauth", settings, seed, server => LifecycleAsync(OAuth(settings.Deals ?? 200, seed, server), settings, log, cancellationToken)));
                    break;
                case "fleet":
                    results.Add(await WithPostgresAsync("fleet", settings, seed, server => FleetAsync(Fleet(settings.Deals ?? 200, settings.Kills ?? 6, seed, server), settings, log, cancellationToken)));
                    break;
                case "all":
                    results.Add(await LifecycleAsync(Crash(settings.Deals ?? 500, settings.Kills ?? 10, seed, null), settings, log, cancellationToken));
                    results.Add(await WithPostgresAsync("crash", settings, seed, server => LifecycleAsync(Crash(settings.Deals ?? 500, settings.Kills ?? 10, seed, server), settings, log, cancellationToken)));
                    results.Add(await LifecycleAsync(UpstreamFaults(settings.Deals ?? 500, seed), settings, log, cancellationToken));
                    results.Add(await LifecycleAsync(LostAndDisordered(settings.Deals ?? 500, seed), settings, log, cancellationToken));
                    results.Add(await HostileScenario.RunAsync(Hostile(settings, seed), log, cancellationToken));
                    results.Add(await WithPostgresAsync("oauth", settings, seed, server => LifecycleAsync(OAuth(Math.Min(settings.Deals ?? 200, 200), seed, server), settings, log, cancellationToken)));
                    if (!string.IsNullOrWhiteSpace(settings.Postgres))
                    {
                        results.Add(await FleetAsync(Fleet(Math.Min(settings.Deals ?? 200, 200), settings.Kills ?? 6, seed, settings.Postgres), settings, log, cancellationToken));
                    }

                    break;
                default:
                    throw new ArgumentException($"Unknown scenario '{name}': choose one of {string.Join(", ", Names)}.", nameof(name));
            }
        }

        return results;
    }

    private static HostileRun Hostile(ChaosSettings settings, int seed) => new()
    {
        Requests = settings.Requests ?? 10_000,
        Seed = seed,
        DashboardPaths = settings.DashboardPaths ?? HostileScenario.DefaultDashboardPaths,
        LogLevel = settings.LogLevel,
        WorkDirectory = settings.WorkDirectory,
    };

    private static Task<ScenarioResult> LifecycleAsync(LifecycleRun run, ChaosSettings settings, TextWriter log, CancellationToken cancellationToken) =>
        LifecycleScenario.RunAsync(run with { LogLevel = settings.LogLevel, WorkDirectory = settings.WorkDirectory }, log, cancellationToken);

    private static Task<ScenarioResult> FleetAsync(FleetRun run, ChaosSettings settings, TextWriter log, CancellationToken cancellationToken) =>
        FleetScenario.RunAsync(run with { LogLevel = settings.LogLevel, WorkDirectory = settings.WorkDirectory }, log, cancellationToken);

    /// <summary>Runs that need PostgreSQL fail with a clear message, rather than being skipped, when there is none.</summary>
    private static async Task<ScenarioResult> WithPostgresAsync(string scenario, ChaosSettings settings, int seed, Func<string, Task<ScenarioResult>> run)
    {
        string server;
        try
        {
            server = PostgresDatabase.ResolveServer(settings.Postgres);
        }
        catch (InvalidOperationException ex)
        {
            return new ScenarioResult { Scenario = scenario, Store = scenario == "fleet" ? "postgresql x3" : "postgresql x2", Seed = seed, Error = ex.Message };
        }

        return await run(server);
    }
}
