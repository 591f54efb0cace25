using ContractBridge.Bench.Ingest;

// One subcommand per scenario: `dotnet run -c Release --project bench/ContractBridge.Bench -- <scenario> [options]`.
return args switch
{
    ["ingest", .. var rest] => await IngestBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: ContractBridge.Bench <scenario> [options]
          ingest [--postgres <npgsql connection string>] [--seconds N | --quick] [--store sqlite|postgresql] [--commits N] [--output path]
                 durable ingest throughput and ack latency over loopback HTTP, SQLite and PostgreSQL
        """);
    return 2;
}
