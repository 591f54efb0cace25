namespace ContractBridge.Upstream.Circuits;

/// <summary>A breaker's answer to "may this call go?": yes (and whether it is the probe), or no and when to come back.</summary>
public readonly record struct CircuitPermit(bool Allowed, bool IsProbe, TimeSpan RetryAfter)
{
    public static readonly CircuitPermit Call = new(true, false, TimeSpan.Zero);

    public static readonly CircuitPermit Probe = new(true, true, TimeSpan.Zero);

    public static CircuitPermit Refused(TimeSpan retryAfter) => new(false, false, retryAfter);
}
