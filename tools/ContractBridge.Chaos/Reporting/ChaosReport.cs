using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContractBridge.Chaos.Reporting;

/// <summary>Prints the figures of a chaos session as a table (one row per scenario), with the details below it, and writes them as JSON.</summary>
public static class ChaosReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Print(IReadOnlyList<ScenarioResult> results, TextWriter output)
    {
        var rows = results.GroupBy(r => (r.Scenario, r.Store)).Select(g => new[]
        {
            g.Key.Scenario,
            g.Key.Store,
            Number(g.Count()),
            Number(g.Sum(r => r.Deals)),
            Number(g.Sum(r => r.Kills)),
            Number(g.Sum(r => r.FaultTotal)),
            Number(g.Sum(r => r.RequestTotal)),
            Number(g.Sum(r => r.Violations.Count)) + (g.Any(r => r.Error is not null) ? " + error" : string.Empty),
            $"{g.Sum(r => r.Duration.TotalSeconds):0.0} s",
            g.All(r => r.Passed) ? "pass" : "FAIL",
        }).ToList();
        string[] header = ["scenario", "store", "runs", "deals", "kills", "faults injected", "requests", "violations", "duration", "result"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => i is >= 2 and <= 8 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))) + " |";
        output.WriteLine();
        output.WriteLine(Line(header));
        output.WriteLine("|" + string.Join("|", widths.Select((w, i) => i is >= 2 and <= 8 ? new string('-', w + 1) + ":" : new string('-', w + 2))) + "|");
        foreach (var row in rows)
        {
            output.WriteLine(Line(row));
        }

        foreach (var result in results)
        {
            output.WriteLine();
            output.WriteLine($"{result.Scenario} ({result.Store}, seed {result.Seed}): {(result.Passed ? "pass" : "FAIL")}");
            Details(output, "faults injected", result.Faults);
            Details(output, "requests", result.Requests);
            Details(output, "figures", result.Figures);
            if (result.Error is not null)
            {
                output.WriteLine($"  error: {result.Error}");
            }

            foreach (var violation in result.Violations.Take(25))
            {
                output.WriteLine($"  violation: {violation}");
            }

            if (!result.Passed && result.WorkDirectory is not null)
            {
                output.WriteLine($"  the bridge's logs are kept in {result.WorkDirectory}");
            }
        }
    }

    public static async Task WriteJsonAsync(IReadOnlyList<ScenarioResult> results, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var file = File.Create(path);
        var document = results.Select(r => new
        {
            r.Scenario,
            r.Store,
            r.Seed,
            r.Deals,
            r.Kills,
            DurationSeconds = Math.Round(r.Duration.TotalSeconds, 1),
            r.Faults,
            r.Requests,
            r.Figures,
            r.Violations,
            r.Error,
            r.Passed,
        });
        await JsonSerializer.SerializeAsync(file, document, JsonOptions, cancellationToken);
    }

    private static void Details(TextWriter output, string title, SortedDictionary<string, long> values)
    {
        if (values.Count > 0)
        {
            output.WriteLine($"  {title}: {string.Join(", ", values.Select(v => $"{v.Key} {Number(v.Value)}"))}");
        }
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
