namespace ContractBridge.Upstream.Circuits;

/// <summary>A breaker's state; the numbers are the values of <c>contractbridge_upstream_circuit_state</c>.</summary>
public enum CircuitState
{
    /// <summary>Calls go through; outcomes are sampled.</summary>
    Closed = 0,

    /// <summary>The break is over: one probe call at a time goes through; the rest are refused until one succeeds.</summary>
    HalfOpen = 1,

    /// <summary>Calls are refused without reaching the service until the break is over.</summary>
    Open = 2,
}
