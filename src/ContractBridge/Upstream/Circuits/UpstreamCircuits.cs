namespace ContractBridge.Upstream.Circuits;

/// <summary>The breaker of each upstream, one per service for the whole process (every client instance shares it).</summary>
public sealed class UpstreamCircuits(IOptions<CircuitBreakerOptions> options, TimeProvider time)
{
    private readonly Dictionary<UpstreamService, CircuitBreaker> _breakers =
        Enum.GetValues<UpstreamService>().ToDictionary(s => s, s => new CircuitBreaker(s, options.Value, time));

    public CircuitBreaker For(UpstreamService service) => _breakers[service];

    public IReadOnlyList<CircuitSnapshot> Snapshot() => [.. _breakers.Values.Select(b => b.Snapshot())];
}
