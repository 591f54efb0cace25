using System.Diagnostics;
using ContractBridge.Bench.Reporting;

namespace ContractBridge.Bench.EndToEnd;

/// <summary>
/// The end-to-end benchmark (issue 7): the real service in its own process against both simulators, with the real
/// limits on a scaled clock and simulated latency on every upstream call. Runs the chosen scenarios, prints the figures
/// next to their targets and writes them as JSON. Exits 1 when a correctness check fails (a 429 received, a deal
/// launched twice or not at all, a deal that did not close); missed timing targets are reported, not failed.
/// </summary>
internal static class E2eBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, string scenario)
    {
        try
        {
            return await RunScenariosAsync(args, scenario);
        }
        finally
        {
            ServiceProcess.KillAll();
        }
    }

    private static async Task<int> RunScenariosAsync(IReadOnlyList<string> args, string scenario)
    {
        var settings = await ResolveServiceAsync(E2eSettings.Parse(args));
        var machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
        Console.WriteLine($"End-to-end benchmark '{scenario}': {machine}; clock {settings.Scale:0.#}x, {settings.Latency.TotalMilliseconds:0} ms per upstream call{(settings.Quick ? ", quick" : string.Empty)}; service {settings.Service}");
        var all = scenario == "e2e";
        var startup = all || scenario == "startup" ? await Step("startup", () => StartupScenario.RunAsync(settings)) : [];
        var ack = all || scenario == "ack" ? await Step("ack", () => AckScenario.RunAsync(settings)) : null;
        var single = (all || scenario == "burst") && !settings.Quick ? await Step("single-deal lifecycle", () => BurstScenario.RunAsync(settings, 1, settings.Scale, lifecycle: true)) : null;
        var burst = all || scenario == "burst" ? await Step($"burst of {settings.BurstDeals} with lifecycle", () => BurstScenario.RunAsync(settings, settings.BurstDeals, settings.Scale, lifecycle: true)) : null;
        var fleet = all || scenario == "fleet" ? await FleetAsync(settings, required: scenario == "fleet") : [];
        var scaling = new List<BurstResult>();
        if (all || scenario == "scaling")
        {
            var scale = settings.ScalingScale ?? settings.Scale;
            foreach (var size in settings.ScalingSizes)
            {
                scaling.Add(burst is not null && size == burst.Deals && scale == burst.Scale
                    ? burst
                    : await Step($"burst of {size}", () => BurstScenario.RunAsync(settings, size, scale, lifecycle: false)));
            }
        }

        var report = new E2eReport(machine, DateTimeOffset.UtcNow, settings.Scale, settings.Latency.TotalMilliseconds, startup, ack, single, burst, fleet, scaling, settings.ScalingScale);
        var failures = E2eTable.Print(report);
        return await BenchResults.FinishAsync(report, settings.Output, failures);
    }

    /// <summary>
    /// The burst with its lifecycle on PostgreSQL, on one instance and then on a fleet of <see cref="E2eSettings.Instances"/>
    /// behind a balancer, each configured with the published limits. Without a PostgreSQL server it is skipped (or, when
    /// asked for by name, refused).
    /// </summary>
    private static async Task<IReadOnlyList<BurstResult>> FleetAsync(E2eSettings settings, bool required)
    {
        if (settings.PostgresServer() is not { } server)
        {
            if (required)
            {
                throw new ArgumentException($"The fleet run needs a PostgreSQL server: pass --postgres <connection string> or set {Chaos.Infrastructure.PostgresDatabase.TestVariable}.");
            }

            Console.WriteLine($"  fleet: skipped (no PostgreSQL server: --postgres or {Chaos.Infrastructure.PostgresDatabase.TestVariable})");
            return [];
        }

        var results = new List<BurstResult>();
        foreach (var instances in new[] { 1, settings.Instances }.Distinct())
        {
            var deployment = BenchDeployment.Postgres(server, instances);
            var what = settings.FleetLifecycle ? "with lifecycle" : "to the launch notes";
            results.Add(await Step($"burst of {settings.BurstDeals} {what}, {deployment.Name}", () => BurstScenario.RunAsync(settings, settings.BurstDeals, settings.Scale, settings.FleetLifecycle, deployment)));
        }

        return results;
    }

    /// <summary>The service to run: --service, else a ReadyToRun publish made now (the deployed form; the JIT build is timed beside it), else the bench's own build.</summary>
    private static async Task<E2eSettings> ResolveServiceAsync(E2eSettings settings)
    {
        if (settings.Service is not null)
        {
            return settings;
        }

        if (!settings.Publish)
        {
            return settings with { Service = E2eSettings.BenchBuild };
        }

        var published = await Step("publishing the service ReadyToRun", ServicePublisher.PublishReadyToRunAsync);
        return settings with { Service = published, ExtraServices = [("JIT (bench build)", E2eSettings.BenchBuild), .. settings.ExtraServices] };
    }

    private static async Task<T> Step<T>(string name, Func<Task<T>> run)
    {
        var clock = Stopwatch.StartNew();
        Console.Write($"  {name}... ");
        var result = await run();
        Console.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s");
        return result;
    }
}
