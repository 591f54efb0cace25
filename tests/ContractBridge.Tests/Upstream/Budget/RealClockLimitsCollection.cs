namespace ContractBridge.Tests.Upstream.Budget;

/// <summary>
/// Tests that count calls against a server's rate window on the real clock: run one at a time, beside nothing else, so
/// what they measure is the limiter and not the load of the tests around them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealClockLimitsCollection
{
    public const string Name = "real-clock limits";
}
