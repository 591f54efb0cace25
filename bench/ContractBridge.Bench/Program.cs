using ContractBridge.Bench.EndToEnd;
using ContractBridge.Bench.Ingest;
using ContractBridge.Bench.Store;

// One subcommand per scenario: `dotnet run -c Release --project bench/ContractBridge.Bench -- <scenario> [options]`.
return args switch
{
    ["ingest", .. var rest] => await IngestBenchmark.RunAsync(rest),
    ["store", .. var rest] => await StoreBenchmark.RunAsync(rest),
    [var e2e and ("e2e" or "ack" or "burst" or "scaling" or "startup" or "fleet"), .. var rest] => await E2eBenchmark.RunAsync(rest, e2e),
    ["all", .. var rest] => await RunAllAsync(rest),
    _ => Usage(),
};

// `all`: the ingest benchmark (SQLite; 1 s per load with --quick), every end-to-end scenario, then the store at its
// full size (20,000 contracts with --quick).
static async Task<int> RunAllAsync(string[] rest)
{
    var quick = rest.Contains("--quick");
    var ingest = await IngestBenchmark.RunAsync(quick ? ["--seconds", "1", "--store", "sqlite"] : ["--store", "sqlite"]);
    var e2e = await E2eBenchmark.RunAsync(rest, "e2e");
    var store = await StoreBenchmark.RunAsync(quick ? ["--quick"] : []);
    return Math.Max(Math.Max(ingest, e2e), store);
}

static int Usage()
{
    Console.Error.WriteLine($"""
        usage: ContractBridge.Bench <scenario> [options]
          ingest [--postgres <npgsql connection string>] [--seconds N | --quick] [--store sqlite|postgresql] [--commits N] [--output path]
                 durable ingest throughput and ack latency over loopback HTTP, SQLite and PostgreSQL
          e2e [options]      the service in its own process against both simulators (real limits, scaled clock, latency):
                             start-up, webhook ack at 1,000/s, single-deal lifecycle, a 1,000-deal burst with the whole
                             lifecycle, and the burst at 100 / 1,000 / 10,000 deals
          fleet [--instances 3] [--postgres <npgsql connection string>]
                             the burst with its lifecycle on PostgreSQL: one instance, then a fleet behind a balancer
                             (part of e2e when a PostgreSQL server is given or $CONTRACTBRIDGE_TEST_POSTGRES is set)
          startup | ack | burst | scaling [options]   one part of e2e
          store [--contracts 1000000] [--events 10000000] [--quick] [--output path]
                             the service on a generated store of a million contracts and ten million events: dashboard
                             pages and `contracts list` (p99), reconciler calls per pass, bytes per contract, retention
          all [--quick]      ingest (SQLite), e2e, then store
          {E2eSettings.Options}
          store: {StoreSettings.Options}
        """);
    return 2;
}
