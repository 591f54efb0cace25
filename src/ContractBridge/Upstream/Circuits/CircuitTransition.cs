namespace ContractBridge.Upstream.Circuits;

/// <summary>What recording an outcome changed, so the caller logs each change once, not each call.</summary>
public enum CircuitTransition
{
    None,

    /// <summary>Closed to open: the service fails everything.</summary>
    Opened,

    /// <summary>The service blocked this integration (it was not blocked before).</summary>
    Blocked,

    /// <summary>A probe succeeded: closed again.</summary>
    Closed,
}
