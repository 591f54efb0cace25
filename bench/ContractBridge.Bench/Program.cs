using ContractBridge.Bench.EndToEnd;
using ContractBridge.Bench.Ingest;

// One subcommand per scenario: `dotnet run -c Release --project bench/ContractBridge.Bench -- <scenario> [options]`.
return args switch
{
    ["ingest", .. var rest] => await IngestBenchmark.RunAsync(rest),
    [var e2e and ("e2e" or "ack" or "burst" or "scaling" or "startup" or "fleet"), .. var rest] => await E2eBenchmark.RunAsync(rest, e2e),
    ["all", .. var rest] => await RunAllAsync(rest),
    _ => Usage(),
};

// `all`: the ingest benchmark (SQLite; 1 s per load with --quick) then every end-to-end scenario.
static async Task<int> RunAllAsync(string[] rest)
{
    var ingest = await IngestBenchmark.RunAsync(rest.Contains("--quick") ? ["--seconds", "1", "--store", "sqlite"] : ["--store", "sqlite"]);
    var e2e = await E2eBenchmark.RunAsync(rest, "e2e");
    return Math.Max(ingest, e2e);
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
          all [--quick]      ingest (SQLite) then e2e
          {E2eSettings.Options}
        """);
    return 2;
}
