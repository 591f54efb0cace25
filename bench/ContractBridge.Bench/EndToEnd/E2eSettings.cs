using System.Globalization;
using ContractBridge.Bench.Ingest;

namespace ContractBridge.Bench.EndToEnd;

/// <summary>The end-to-end benchmark's command line; every default is the setting.</summary>
internal sealed record E2eSettings
{
    /// <summary>How much faster than real time the limits run: 60 turns Ironclad's 40 launches a minute into 40 a second.</summary>
    public double Scale { get; init; } = 60;

    /// <summary>Added by the simulators to every upstream call (not scaled: it is the network).</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(150);

    public double AckRate { get; init; } = 1000;

    public TimeSpan AckDuration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan AckWarmUp { get; init; } = TimeSpan.FromSeconds(2);

    public int BurstDeals { get; init; } = 1000;

    /// <summary>Leads per Kommo webhook body when many move at once.</summary>
    public int LeadsPerBody { get; init; } = 25;

    public IReadOnlyList<int> ScalingSizes { get; init; } = [100, 1000, 10_000];

    /// <summary>The scale for the scaling runs; null uses <see cref="Scale"/>.</summary>
    public double? ScalingScale { get; init; }

    public int StartupRuns { get; init; } = 7;

    /// <summary>Whether the fleet run follows each deal to the end (signed, executed, complete) after it is launched and noted.</summary>
    public bool FleetLifecycle { get; init; } = true;

    /// <summary>Instances in the fleet run (all on one PostgreSQL database, behind a balancer).</summary>
    public int Instances { get; init; } = 3;

    /// <summary>The PostgreSQL server for the fleet run (Npgsql connection string); null: $CONTRACTBRIDGE_TEST_POSTGRES, else no fleet run.</summary>
    public string? Postgres { get; init; }

    /// <summary>The service build the bench compiled with itself (JIT): what `dotnet run -c Release` would run.</summary>
    public static string BenchBuild => Path.Combine(AppContext.BaseDirectory, "ContractBridge.dll");

    /// <summary>
    /// The service to run: ContractBridge.dll (run with dotnet) or a published executable. Null: a ReadyToRun publish made
    /// for the run (the deployed form), or the bench build with --quick or --no-publish.
    /// </summary>
    public string? Service { get; init; }

    public bool Publish { get; init; } = true;

    /// <summary>More builds to time the start of, as name=path (e.g. a ReadyToRun publish).</summary>
    public IReadOnlyList<(string Name, string Path)> ExtraServices { get; init; } = [];

    /// <summary>More environment for every service start (DOTNET_gcServer=0, ContractBridge__Kommo__WriteBatchLinger=…), to try settings.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public bool Quick { get; init; }

    public string Output { get; init; } = Path.Combine(RepositoryRoot(), "bench", "results", "e2e.json");

    public static E2eSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new E2eSettings();
        var extra = new List<(string, string)>();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            double Number() => double.Parse(Next(), CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--quick" => (settings with
                {
                    Quick = true,
                    Publish = false,
                    AckDuration = TimeSpan.FromSeconds(2),
                    AckWarmUp = TimeSpan.FromSeconds(0.5),
                    AckRate = 500,
                    BurstDeals = 20,
                    ScalingSizes = [10, 20],
                    StartupRuns = 1,
                    Output = Path.Combine(RepositoryRoot(), "bench", "results", "e2e-quick.json"),
                }).WithVariable(("ContractBridge__Kommo__WriteBatchLinger", "00:00:00.200")),
                "--scale" => settings with { Scale = Number() },
                "--latency-ms" => settings with { Latency = TimeSpan.FromMilliseconds(Number()) },
                "--ack-rate" => settings with { AckRate = Number() },
                "--ack-seconds" => settings with { AckDuration = TimeSpan.FromSeconds(Number()) },
                "--deals" => settings with { BurstDeals = (int)Number() },
                "--leads-per-body" => settings with { LeadsPerBody = (int)Number() },
                "--sizes" => settings with { ScalingSizes = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--scaling-scale" => settings with { ScalingScale = Number() },
                "--startup-runs" => settings with { StartupRuns = (int)Number() },
                "--instances" => settings with { Instances = (int)Number() },
                "--postgres" => settings with { Postgres = Next() },
                "--service" => settings with { Service = Path.GetFullPath(Next()) },
                "--no-publish" => settings with { Publish = false },
                "--no-lifecycle" => settings with { FleetLifecycle = false },
                "--also" => settings with { ExtraServices = [.. settings.ExtraServices, ParseNamed(Next(), relative: true)] },
                "--env" => settings.WithVariable(ParseNamed(Next(), relative: false)),
                "--output" => settings with { Output = Path.GetFullPath(Next()) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. {Options}"),
            };
        }

        return settings;
    }

    public const string Options =
        "Options: --quick, --scale N (60), --latency-ms N (150), --ack-rate N (1000), --ack-seconds N (10), --deals N (1000), "
        + "--leads-per-body N (25), --sizes 100,1000,10000, --scaling-scale N, --startup-runs N (7), --instances N (3, the fleet run), --no-lifecycle (the fleet run stops at the launch notes), "
        + "--postgres <npgsql connection string> (the fleet run; default $CONTRACTBRIDGE_TEST_POSTGRES), --service path/ContractBridge.dll, "
        + "--also name=path (another build to time the start of), --env NAME=VALUE (for every service start), --output path.";

    /// <summary>The fleet run's PostgreSQL server: --postgres, else the variable the test script sets; null when neither is given.</summary>
    public string? PostgresServer()
    {
        var server = Postgres ?? System.Environment.GetEnvironmentVariable(Chaos.Infrastructure.PostgresDatabase.TestVariable);
        return string.IsNullOrWhiteSpace(server) ? null : server;
    }

    private E2eSettings WithVariable((string Name, string Value) variable) =>
        this with { Environment = new Dictionary<string, string>(Environment) { [variable.Name] = variable.Value } };

    private static (string, string) ParseNamed(string value, bool relative)
    {
        var at = value.IndexOf('=', StringComparison.Ordinal);
        return at <= 0 ? throw new ArgumentException("--also and --env take name=value.")
            : (value[..at], relative ? Path.GetFullPath(value[(at + 1)..]) : value[(at + 1)..]);
    }

    private static string RepositoryRoot() => IngestSettings.RepositoryRoot();
}
