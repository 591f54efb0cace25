namespace ContractBridge.Upstream.Circuits;

/// <summary>One upstream's breaker as the dashboard and /metrics show it.</summary>
/// <param name="UnavailableSince">When the breaker opened (it stays set through probes until one succeeds); null when closed.</param>
/// <param name="NextProbeAt">When the next probe may go, while open; null otherwise.</param>
/// <param name="Blocked">Kommo has blocked this integration (403 HTML), rather than merely failing.</param>
public sealed record CircuitSnapshot(
    UpstreamService Service,
    CircuitState State,
    DateTimeOffset? UnavailableSince,
    DateTimeOffset? NextProbeAt,
    bool Blocked);
