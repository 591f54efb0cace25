using ContractBridge.Simulators;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Bench.EndToEnd;

/// <summary>
/// Time from process start to ready: the service is started afresh (new data directory, so the database is created and
/// migrated each time) and /readyz is polled every 2 ms. Each build is timed as it is (tiered PGO off: the service's
/// runtimeconfig says so), with the runtime's default (PGO on), and without tiered compilation.
/// </summary>
internal static class StartupScenario
{
    private static readonly (string Name, Dictionary<string, string> Environment)[] Settings =
    [
        ("default", []),
        ("TieredPGO=1", new() { ["DOTNET_TieredPGO"] = "1" }),
        ("TieredCompilation=0", new() { ["DOTNET_TieredCompilation"] = "0" }),
    ];

    public static async Task<IReadOnlyList<StartupResult>> RunAsync(E2eSettings settings)
    {
        await using var simulators = await SimulatorHost.StartAsync(new SimulatorHostOptions());
        var sales = simulators.Kommo.Control.AddPipeline(new SeedPipeline { Name = "Sales", Stages = ["Negotiation", "Send contract"], IsMain = true });
        var configuration = BenchWorld.Configuration(simulators, sales, 1);
        var variants = (from build in (IEnumerable<(string Name, string Path)>)[(BuildName(settings.Service!), settings.Service!), .. settings.ExtraServices]
                        from setting in settings.Quick ? Settings[..1] : Settings
                        select (Build: build, Setting: setting.Name, Environment: Environment(configuration, settings.Environment, setting.Environment))).ToList();

        // One start of each first, not counted: it warms the file cache as a restarted service would find it.
        foreach (var variant in settings.Quick ? [] : variants)
        {
            await using (await ServiceProcess.StartAsync(variant.Build.Path, variant.Environment, TimeSpan.FromSeconds(60)))
            {
            }
        }

        // Round robin, so a change in the machine's load falls on every variant alike.
        var samples = variants.ToDictionary(v => v, _ => new List<(double Ms, double RssMb, double CpuMs)>());
        for (var run = 0; run < settings.StartupRuns; run++)
        {
            foreach (var variant in variants)
            {
                await using var service = await ServiceProcess.StartAsync(variant.Build.Path, variant.Environment, TimeSpan.FromSeconds(60));
                var (rss, _, cpu) = service.Memory();
                samples[variant].Add((service.TimeToReady.TotalMilliseconds, rss, cpu * 1000));
            }
        }

        var results = variants.Select(v =>
        {
            var times = samples[v].Select(s => s.Ms).ToList();
            return new StartupResult(v.Build.Name, v.Setting, times.Count, Median(times), times.Min(), times.Max(), Median([.. samples[v].Select(s => s.RssMb)]), Median([.. samples[v].Select(s => s.CpuMs)]));
        }).ToList();
        return results;
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static Dictionary<string, string> Environment(Dictionary<string, string> configuration, IReadOnlyDictionary<string, string> common, Dictionary<string, string> setting)
    {
        var environment = new Dictionary<string, string>(configuration);
        foreach (var (key, value) in common.Concat(setting))
        {
            environment[key] = value;
        }

        return environment;
    }

    private static string BuildName(string path) =>
        path == E2eSettings.BenchBuild ? "JIT (bench build)"
        : path.Replace('\\', '/').Contains("/publish/r2r/", StringComparison.Ordinal) ? "ReadyToRun"
        : Path.GetFileName(Path.GetDirectoryName(path)) ?? path;
}
