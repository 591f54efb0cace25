namespace ContractBridge.Bench.Store;

/// <summary>What the generator wrote, and how long the rows and then the indexes took.</summary>
internal sealed record GeneratedStore(
    int Contracts, long Events, long Jobs, long DeadJobs, long LinkStates, long Records, long OpenContracts, double RowSeconds, double IndexSeconds)
{
    public double Seconds => RowSeconds + IndexSeconds;
}
