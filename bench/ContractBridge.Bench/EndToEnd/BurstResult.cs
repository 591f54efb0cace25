namespace ContractBridge.Bench.EndToEnd;

/// <summary>
/// N deals moved to the contract stage within one second: how long until every workflow was launched and every launch
/// note written, against the bound N / launch rate; what the simulators answered and counted; the service's memory.
/// FirstLaunchSeconds and LastLaunchSeconds (Ironclad's creation times, from the first move) say where time beyond the
/// bound went: before the first launch, between the launches, or after the last one (the notes). Deployment names the
/// store and the number of instances (<see cref="BenchDeployment.Name"/>); memory is the highest instance's, CPU all of theirs.
/// Everything is measured on a warm service (<see cref="BurstScenario"/>); FirstDealNotedSeconds is the warm-up deal's
/// move-to-note time, the first deal after a start. For a single deal, Chain lists every upstream call of its launch with its arrival time (<see cref="CallChain"/>).
/// </summary>
internal sealed record BurstResult(
    string Deployment,
    int Deals,
    double Scale,
    int Bodies,
    double BoundSeconds,
    double FirstLaunchSeconds,
    double LastLaunchSeconds,
    double LaunchedSeconds,
    double NotedSeconds,
    double Ratio,
    long KommoTooManyRequests,
    long IroncladTooManyRequests,
    int Workflows,
    int DistinctLeadsLaunched,
    int LeadsWithOneLaunchNote,
    bool ExactlyOnce,
    double PeakRssMb,
    MemoryBreakdown? PeakMemory,
    double CpuSeconds,
    CallBreakdown LaunchCalls,
    LifecycleResult? Lifecycle,
    IReadOnlyList<ChainStep> Chain,
    double FirstDealNotedSeconds);

/// <summary>
/// The rest of every contract's life after the burst: sent for signature, signed (executed), completed. How long each
/// step took the bridge to show on the deals (ClosedWonSeconds: from signed until every deal is Closed-Won; Executed:
/// until the notes and signed PDFs are there too), and the upstream calls of the whole life, launch included.
/// </summary>
internal sealed record LifecycleResult(
    double SignatureSeconds,
    double ClosedWonSeconds,
    double ExecutedSeconds,
    double CompleteSeconds,
    int LeadsClosedWon,
    int LeadsWithPdf,
    int LeadsWithTask,
    long DeadJobs,
    double PeakRssMb,
    MemoryBreakdown? PeakMemory,
    double CpuSeconds,
    CallBreakdown Calls,
    IReadOnlyList<ChainStep> CloseChain);
