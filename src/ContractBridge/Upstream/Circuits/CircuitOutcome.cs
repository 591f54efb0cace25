namespace ContractBridge.Upstream.Circuits;

/// <summary>What one call that went through said about the upstream's health.</summary>
public enum CircuitOutcome
{
    /// <summary>The service answered (any status it chose, 4xx included): it is up.</summary>
    Answered,

    /// <summary>A 5xx, a 408, a connection failure or a timeout.</summary>
    Failed,

    /// <summary>Kommo's "blocked" page: every call is refused for a long time.</summary>
    Blocked,

    /// <summary>The call ended without telling (the caller cancelled it): not a sample.</summary>
    Unknown,
}
