namespace ContractBridge.Bench.Store;

/// <summary>Everything the store scenario measured, as written to JSON.</summary>
internal sealed record StoreReport(
    string Machine,
    DateTimeOffset At,
    bool Quick,
    GeneratedStore Generated,
    StoreFootprint Footprint,
    double ServiceReadySeconds,
    IReadOnlyList<PageTiming> Pages,
    IReadOnlyList<ReconcilerPass> Reconciler,
    RetentionResult? Retention);
