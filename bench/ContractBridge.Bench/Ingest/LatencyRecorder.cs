using System.Collections.Concurrent;
using System.Diagnostics;

namespace ContractBridge.Bench.Ingest;

/// <summary>Collects request latencies from many senders; percentiles are exact (every sample is kept and sorted).</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentQueue<long> ticks = new();
    private int errors;

    public int Count => ticks.Count;

    public int Errors => Volatile.Read(ref errors);

    public void Record(long startTimestamp) => ticks.Enqueue(Stopwatch.GetTimestamp() - startTimestamp);

    public void Error() => Interlocked.Increment(ref errors);

    public LatencySummary Summarise()
    {
        var sorted = ticks.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, 0, 0, 0);
        }

        double At(double quantile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
        return new LatencySummary(sorted.Length, At(0.50), At(0.99), sorted[^1]);
    }
}
