using System.Globalization;
using ContractBridge.Bench.EndToEnd;
using ContractBridge.Bench.Ingest;

namespace ContractBridge.Bench.Store;

/// <summary>The store scenario's command line; the defaults are issue 17's sizes (1,000,000 contracts, 10,000,000 events).</summary>
internal sealed record StoreSettings
{
    public int Contracts { get; init; } = 1_000_000;

    public long Events { get; init; } = 10_000_000;

    /// <summary>Timed requests per page, after <see cref="WarmUps"/> untimed ones.</summary>
    public int Requests { get; init; } = 200;

    public int WarmUps { get; init; } = 5;

    /// <summary>Runs of the `contracts list` command, each its own process.</summary>
    public int CliRuns { get; init; } = 5;

    /// <summary>How many Ironclad workflows have changed before each timed reconciler pass (cumulative within the pass's window).</summary>
    public IReadOnlyList<int> ChangedSizes { get; init; } = [0, 10, 100, 1000];

    /// <summary>Retention keeps this much of the generated history (spread over <see cref="StoreGenerator.History"/>).</summary>
    public TimeSpan KeepFor { get; init; } = TimeSpan.FromDays(60);

    /// <summary>Where the generated database goes; null: a fresh temporary directory, deleted at the end.</summary>
    public string? DataDirectory { get; init; }

    public string? Service { get; init; }

    public bool Quick { get; init; }

    public string Output { get; init; } = Path.Combine(IngestSettings.RepositoryRoot(), "bench", "results", "store.json");

    public const string Options =
        "Options: --contracts N (1000000), --events N (10000000), --quick (20000 / 200000, fewer requests), --requests N (200), "
        + "--cli-runs N (5), --changed 0,10,100,1000, --keep-days N (60), --data-dir path (keep the database there), --service path/ContractBridge.dll, --output path.";

    public static StoreSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new StoreSettings();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            long Number() => long.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--quick" => settings with
                {
                    Quick = true,
                    Contracts = 20_000,
                    Events = 200_000,
                    Requests = 50,
                    WarmUps = 3,
                    CliRuns = 2,
                    ChangedSizes = [0, 10, 100],
                    Output = Path.Combine(IngestSettings.RepositoryRoot(), "bench", "results", "store-quick.json"),
                },
                "--contracts" => settings with { Contracts = checked((int)Number()) },
                "--events" => settings with { Events = Number() },
                "--requests" => settings with { Requests = checked((int)Number()) },
                "--cli-runs" => settings with { CliRuns = checked((int)Number()) },
                "--changed" => settings with { ChangedSizes = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--keep-days" => settings with { KeepFor = TimeSpan.FromDays(Number()) },
                "--data-dir" => settings with { DataDirectory = Path.GetFullPath(Next()) },
                "--service" => settings with { Service = Path.GetFullPath(Next()) },
                "--output" => settings with { Output = Path.GetFullPath(Next()) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. {Options}"),
            };
        }

        return settings.Contracts < 1 || settings.Events < settings.Contracts
            ? throw new ArgumentException("--contracts must be at least 1 and --events at least as many as --contracts.")
            : settings;
    }

    /// <summary>The end-to-end world's settings: the bench's own build unless --service, no simulated latency (the store is measured, not the network).</summary>
    public E2eSettings World() => new E2eSettings { Latency = TimeSpan.Zero, Publish = false } with { Service = Service ?? E2eSettings.BenchBuild };
}
