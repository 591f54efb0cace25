using ContractBridge.Simulators;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Bench.EndToEnd;

/// <summary>
/// Time from process start to ready: the service is started afresh (new data directory, so the database is created and
/// migrated each time) and /readyz is polled every 2 ms. Each build is timed as it is and with the runtime knobs that
/// matter for start-up (tiered PGO off).
/// </summary>
internal static class StartupScenario
{
    private static readonly (string Name, Dictionary<string, string> Environment)[] Settings =
    [
        ("default", []),
        ("TieredPGO=0", new() { ["DOTNET_TieredPGO"] = "0" }),
    ];

    public static async Task<IReadOnlyList<StartupResult>> RunAsync(E2eSettings settings)
    {
        await using var simulators = await SimulatorHost.StartAsync(new SimulatorHostOptions());
        var sales = simulators.Kommo.Control.AddPipeline(new SeedPipeline { Name = "Sales", Stages = ["Negotiation", "Send contract"], IsMain = true });
        var configuration = BenchWorld.Configuration(simulators, sales, 1);
        var results = new List<StartupResult>();
        foreach (var (build, path) in (IEnumerable<(string, string)>)[(BuildName(settings.Service), settings.Service), .. settings.ExtraServices])
        {
            foreach (var (setting, extra) in Settings)
            {
                var environment = new Dictionary<string, string>(configuration);
                foreach (var (key, value) in settings.Environment.Concat(extra))
                {
                    environment[key] = value;
                }

                // One start first, not counted: it warms the file cache as a restarted service would find it.
                await using (await ServiceProcess.StartAsync(path, environment, TimeSpan.FromSeconds(60)))
                {
                }

                var times = new List<double>();
                var rss = new List<double>();
                for (var run = 0; run < settings.StartupRuns; run++)
                {
                    await using var service = await ServiceProcess.StartAsync(path, environment, TimeSpan.FromSeconds(60));
                    times.Add(service.TimeToReady.TotalMilliseconds);
                    rss.Add(service.Memory().RssMb);
                }

                results.Add(new StartupResult(build, setting, times.Count, Median(times), times.Min(), times.Max(), Median(rss)));
            }
        }

        return results;
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string BuildName(string path) =>
        path.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal) ? "bench build (JIT)" : Path.GetFileName(Path.GetDirectoryName(path)) ?? path;
}
