using System.Diagnostics;
using ContractBridge.Bench.EndToEnd;
using ContractBridge.Bench.Reporting;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Bench.Store;

/// <summary>
/// The store benchmark (issue 17, "at scale in the store"): the service makes its own SQLite database, the bench fills
/// it with a year of contracts, events and jobs, then the real service (its own process, against both simulators)
/// serves the dashboard and `contracts list` from it, runs its Ironclad reconciler, and its retention. Figures are
/// printed next to their targets and written as JSON; it exits 1 only when an answer is wrong, never for a time.
/// </summary>
internal static class StoreBenchmark
{
    public const string AdminToken = "store-bench-admin-token-7f3c9a1e5b";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        try
        {
            return await RunStoreAsync(StoreSettings.Parse(args));
        }
        finally
        {
            ServiceProcess.KillAll();
        }
    }

    private static async Task<int> RunStoreAsync(StoreSettings settings)
    {
        var machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
        Console.WriteLine($"Store benchmark: {machine}; {settings.Contracts:N0} contracts, {settings.Events:N0} events{(settings.Quick ? ", quick" : string.Empty)}");
        var directory = settings.DataDirectory ?? Directory.CreateTempSubdirectory("contractbridge-store-").FullName;
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, BridgeStoreFactory.SqliteFileName);
        if (File.Exists(database))
        {
            throw new ArgumentException($"{database} exists: the store scenario generates into a data directory the service has not used yet.");
        }

        try
        {
            var world = settings.World();
            await Step("the service makes its database", async () =>
            {
                await using var _ = await BenchWorld.StartAsync(world, 60, dataDirectory: directory);
                return 0;
            });
            var generated = await Step($"generating {settings.Contracts:N0} contracts and {settings.Events:N0} events", () => Task.Run(() => StoreGenerator.Generate(database, settings.Contracts, settings.Events, DateTimeOffset.UtcNow)));
            var footprint = StoreFootprint.Read(database);

            var dashboard = new Dictionary<string, string> { ["ContractBridge__Dashboard__AdminToken"] = AdminToken };
            var (ready, pages) = await Step("timing the pages and `contracts list`", async () =>
            {
                await using var served = await BenchWorld.StartAsync(world, 60, environment: dashboard, dataDirectory: directory);
                var timed = await StorePages.TimeAsync(served.Service.Url, AdminToken, settings.Contracts, settings.Requests, settings.WarmUps);
                timed.Add(await StoreCli.TimeCommandAsync(world.Service!, directory, new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" }, settings.CliRuns));
                timed.Add(StoreCli.TimeQuery(database, settings.Requests));
                return (served.Service.TimeToReady.TotalSeconds, timed);
            });
            var reconciler = await Step("timing reconciler passes", async () =>
            {
                StoreReconciler.Prepare(database, DateTimeOffset.UtcNow);
                await using var probed = await BenchWorld.StartAsync(world, 60, environment: StoreReconciler.Environment, dataDirectory: directory);
                return await StoreReconciler.ProbeAsync(probed, settings.Contracts, settings.ChangedSizes);
            });
            var retention = await Step($"retention keeping {settings.KeepFor.TotalDays:0} days", () => StoreRetention.RunAsync(settings, directory, database));

            var report = new StoreReport(machine, DateTimeOffset.UtcNow, settings.Quick, generated, footprint, ready, pages, reconciler, retention);
            var failures = StoreTable.Print(report);
            return await BenchResults.FinishAsync(report, settings.Output, failures);
        }
        finally
        {
            if (settings.DataDirectory is null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
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
