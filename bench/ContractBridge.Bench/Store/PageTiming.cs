namespace ContractBridge.Bench.Store;

/// <summary>One page (or command) timed: how many requests, their p50 / p99 / max in milliseconds, and whether every answer was right.</summary>
internal sealed record PageTiming(string Name, string Path, int Count, double P50Ms, double P99Ms, double MaxMs, int Failures, string? Note = null)
{
    public const double TargetP99Ms = 100;

    public bool Met => P99Ms <= TargetP99Ms;
}
