namespace ContractBridge.Bench.Ingest;

/// <summary>Acknowledged requests and their ack latency percentiles, in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double P50Ms, double P99Ms, double MaxMs);
