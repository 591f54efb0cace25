using System.Globalization;
using System.Text.Json;

namespace ContractBridge.Bench.Ingest;

/// <summary>
/// Durable ingest over loopback HTTP: throughput and ack latency at 1, 16 and 64 closed-loop senders, and latency at a
/// fixed 1,000 events/s, on SQLite (synchronous=FULL: an ack survives power loss) and PostgreSQL when given.
/// </summary>
internal static class IngestBenchmark
{
    private static readonly int[] SenderCounts = [1, 16, 64];
    private static readonly string[] Stores = ["sqlite", "postgresql"];
    private const double FixedRate = 1000;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var settings = IngestSettings.Parse(args);
        Console.WriteLine($"Ingest benchmark: {settings.Duration.TotalSeconds:0.#} s per scenario after {settings.WarmUp.TotalSeconds:0.#} s warm-up, {Environment.ProcessorCount} cores, SQLite synchronous=FULL");
        var results = new List<IngestResult>();
        foreach (var provider in Stores.Where(p => settings.OnlyStore is null || settings.OnlyStore == p))
        {
            if (provider == "postgresql" && settings.Postgres is null)
            {
                Console.WriteLine("postgresql: skipped (pass --postgres <npgsql connection string>)");
                continue;
            }

            foreach (var senders in SenderCounts)
            {
                results.Add(await RunScenarioAsync(provider, settings, senders, null));
            }

            results.Add(await RunScenarioAsync(provider, settings, 0, FixedRate));
        }

        PrintTable(results);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.Output)!);
        await File.WriteAllTextAsync(settings.Output, JsonSerializer.Serialize(results, Json));
        Console.WriteLine($"Results written to {settings.Output}");
        return results.Any(r => r.Errors > 0) ? 1 : 0;
    }

    private static async Task<IngestResult> RunScenarioAsync(string provider, IngestSettings settings, int senders, double? rate)
    {
        var (store, drop) = await BenchDatabases.CreateAsync(provider, settings.Postgres);
        try
        {
            await using var server = await IngestServer.StartAsync(store, new Engine.Intake.IntakeOptions { MaxConcurrentCommits = settings.ConcurrentCommits ?? 1 });
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = server.BaseAddress };
            var load = new WebhookSenders(client, new Uri(server.BaseAddress, "/webhooks/ironclad"));
            var commitsBefore = server.Intake.Statistics.Commits;
            var recorder = rate is { } perSecond
                ? await load.FixedRateAsync(perSecond, settings.WarmUp, settings.Duration)
                : await load.ClosedLoopAsync(senders, settings.WarmUp, settings.Duration);
            var statistics = server.Intake.Statistics;
            var summary = recorder.Summarise();
            var seconds = settings.Duration.TotalSeconds;
            var commits = statistics.Commits - commitsBefore;
            var result = new IngestResult(
                provider, rate is null ? "closed loop" : "fixed rate", senders, rate, seconds, summary.Count, recorder.Errors,
                summary.Count / seconds, summary.P50Ms, summary.P99Ms, summary.MaxMs, commits,
                commits == 0 ? 0 : statistics.Events / (double)statistics.Commits);
            Console.WriteLine(Row(result));
            return result;
        }
        finally
        {
            await drop();
        }
    }

    private static void PrintTable(IReadOnlyList<IngestResult> results)
    {
        Console.WriteLine();
        Console.WriteLine(Header);
        Console.WriteLine(new string('-', Header.Length));
        foreach (var result in results)
        {
            Console.WriteLine(Row(result));
        }
    }

    private const string Header = "store       load                 events/s    p50 ms    p99 ms    max ms  events/commit  errors";

    private static string Row(IngestResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Store,-11} {(r.OfferedPerSecond is { } rate ? $"{rate:0}/s offered" : $"{r.Senders} senders"),-18} {r.EventsPerSecond,10:0} {r.P50Ms,9:0.00} {r.P99Ms,9:0.00} {r.MaxMs,9:0.00} {r.EventsPerCommit,14:0.0} {r.Errors,7}");
}
