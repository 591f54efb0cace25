namespace ContractBridge.Bench.Ingest;

/// <summary>One row of the ingest benchmark: a store under one load shape.</summary>
internal sealed record IngestResult(
    string Store,
    string Load,
    int Senders,
    double? OfferedPerSecond,
    double Seconds,
    int Events,
    int Errors,
    double EventsPerSecond,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    long Commits,
    double EventsPerCommit);
