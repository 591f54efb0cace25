namespace ContractBridge.Bench.EndToEnd;

/// <summary>Process start to the first 200 from /readyz, for one build and runtime setting, over several starts; with the CPU time the process had used by then.</summary>
internal sealed record StartupResult(string Build, string Setting, int Runs, double MedianMs, double MinMs, double MaxMs, double MedianRssAtReadyMb, double MedianCpuMsAtReady);
