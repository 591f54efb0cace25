using System.Diagnostics;
using ContractBridge.Bench.Ingest;
using Microsoft.Data.Sqlite;

namespace ContractBridge.Bench.Store;

/// <summary>
/// `contracts list` on the big store, timed two ways: the command as an operator runs it (its own process: the .NET
/// start, the host, the migration check, the query, the table), and the query it runs, alone, over a connection of
/// its own (the statement is ContractLinkSql.ListNewest with its default limit of 100).
/// </summary>
internal static class StoreCli
{
    private const string ListNewest =
        "SELECT lead_id, workflow_id, ironclad_number, template_name, rule_name, state, paused, ironclad_updated_at, created_at, updated_at, launch_job_id, deal_name "
        + "FROM contract_links ORDER BY id DESC LIMIT 100;";

    public static async Task<PageTiming> TimeCommandAsync(string service, string dataDirectory, IReadOnlyDictionary<string, string> environment, int runs)
    {
        var recorder = new LatencyRecorder();
        var failures = 0;
        string? problem = null;
        for (var i = 0; i < runs + 1; i++)
        {
            var start = new ProcessStartInfo(service.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet" : service)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (start.FileName == "dotnet")
            {
                start.ArgumentList.Add(service);
            }

            foreach (var argument in (string[])["contracts", "list", "--data-dir", dataDirectory])
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run contracts list.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (i > 0)
            {
                recorder.Record(started);
            }

            if (process.ExitCode != 0 || !(await output).Contains("100 contract(s)", StringComparison.Ordinal))
            {
                failures++;
                problem ??= $"exit {process.ExitCode}: {(await error).Trim()}";
            }
        }

        var summary = recorder.Summarise();
        return new PageTiming("`contracts list` (the command, own process)", "contracts list --data-dir …", summary.Count, summary.P50Ms, summary.P99Ms, summary.MaxMs, failures, problem);
    }

    public static PageTiming TimeQuery(string databasePath, int requests)
    {
        var recorder = new LatencyRecorder();
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = ListNewest;
        var failures = 0;
        for (var i = 0; i < requests + 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var rows = 0;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows++;
                }
            }

            if (i >= 5)
            {
                recorder.Record(started);
            }

            failures += rows == 100 ? 0 : 1;
        }

        var summary = recorder.Summarise();
        return new PageTiming("`contracts list`: its query alone", "ListNewest LIMIT 100", summary.Count, summary.P50Ms, summary.P99Ms, summary.MaxMs, failures);
    }
}
