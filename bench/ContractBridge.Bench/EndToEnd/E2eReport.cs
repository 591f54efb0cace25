namespace ContractBridge.Bench.EndToEnd;

/// <summary>Everything one run of the end-to-end benchmark measured, as written to JSON. Fleet: the burst on PostgreSQL, one instance then several.</summary>
internal sealed record E2eReport(
    string Machine,
    DateTimeOffset At,
    double Scale,
    double LatencyMs,
    IReadOnlyList<StartupResult> Startup,
    AckResult? Ack,
    BurstResult? SingleDeal,
    BurstResult? Burst,
    IReadOnlyList<BurstResult> Fleet,
    IReadOnlyList<BurstResult> Scaling,
    double? ScalingScale);
