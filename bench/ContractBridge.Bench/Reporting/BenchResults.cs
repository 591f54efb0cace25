using System.Text.Json;

namespace ContractBridge.Bench.Reporting;

/// <summary>The end of every scenario: its report written as JSON, its failures said, and the exit code (1 on any failure).</summary>
public static class BenchResults
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<int> FinishAsync<T>(T report, string output, IReadOnlyList<string> failures)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, Json));
        Console.WriteLine($"Results written to {output}");
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"FAILED: {failure}");
        }

        return failures.Count == 0 ? 0 : 1;
    }
}
