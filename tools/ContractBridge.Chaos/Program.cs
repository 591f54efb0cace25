using System.CommandLine;
using ContractBridge.Chaos.Reporting;
using ContractBridge.Chaos.Scenarios;
using Microsoft.Extensions.Logging;

// dotnet run -c Release --project tools/ContractBridge.Chaos -- <scenario> [--deals 500] [--kills 10] [--postgres <conn>] ...
var scenario = new Argument<string>("scenario") { Description = $"One of: {string.Join(", ", ChaosScenarios.Names)}." };
var deals = new Option<int?>("--deals") { Description = "Deals per lifecycle run (default 500; oauth and fleet 200)." };
var kills = new Option<int?>("--kills") { Description = "kill -9 per run (default 10 for crash, 6 for fleet, 0 elsewhere)." };
var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL server (Npgsql connection string): crash then runs two instances on it; oauth and fleet need it (all runs fleet only when it is given). Default: $CONTRACTBRIDGE_TEST_POSTGRES for all/oauth/fleet." };
var seed = new Option<int>("--seed") { Description = "Seeds every random choice (deals' fates, kill points, faults, hostile requests).", DefaultValueFactory = _ => 1 };
var runs = new Option<int>("--runs") { Description = "Runs of each scenario, with seeds seed, seed+1, ...", DefaultValueFactory = _ => 1 };
var requests = new Option<int?>("--requests") { Description = "Hostile requests (default 10,000)." };
var paths = new Option<string?>("--paths") { Description = "Comma-separated dashboard paths for the hostile requests (default: / and the known dashboard pages)." };
var json = new Option<string?>("--json") { Description = "Where to write the figures as JSON (default artifacts/chaos/<scenario>-<time>.json)." };
var logLevel = new Option<LogLevel>("--log-level") { Description = "The bridge's log level (its output is kept per run and scanned for secrets).", DefaultValueFactory = _ => LogLevel.Information };
var workDir = new Option<string?>("--work-dir") { Description = "Where runs keep their data and logs (default: the temp directory)." };

var root = new RootCommand("ContractBridge chaos runs: the real service, killed and faulted, against the simulators; prints figures and checks invariants.")
{
    scenario, deals, kills, postgres, seed, runs, requests, paths, json, logLevel, workDir,
};

root.SetAction(async (parse, cancellationToken) =>
{
    var name = parse.GetValue(scenario)!;
    if (!ChaosScenarios.Names.Contains(name))
    {
        await Console.Error.WriteLineAsync($"Unknown scenario '{name}': choose one of {string.Join(", ", ChaosScenarios.Names)}.");
        return 2;
    }

    var settings = new ChaosSettings
    {
        Deals = parse.GetValue(deals),
        Kills = parse.GetValue(kills),
        Postgres = parse.GetValue(postgres),
        Seed = parse.GetValue(seed),
        Runs = Math.Max(1, parse.GetValue(runs)),
        Requests = parse.GetValue(requests),
        DashboardPaths = parse.GetValue(paths)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        LogLevel = parse.GetValue(logLevel),
        WorkDirectory = parse.GetValue(workDir) ?? Path.Combine(Path.GetTempPath(), "contractbridge-chaos"),
    };

    var results = await ChaosScenarios.RunAsync(name, settings, Console.Out, cancellationToken);
    ChaosReport.Print(results, Console.Out);
    var path = parse.GetValue(json) ?? Path.Combine("artifacts", "chaos", $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
    await ChaosReport.WriteJsonAsync(results, path, cancellationToken);
    Console.WriteLine();
    Console.WriteLine($"Figures written to {path}");
    return results.All(r => r.Passed) ? 0 : 1;
});

return await root.Parse(args).InvokeAsync();
