namespace ContractBridge.Simulators.Common;

/// <summary>The faults a <see cref="FaultInjector"/> injects, counted one by one so a chaos run can report what it did.</summary>
public enum FaultKind
{
    LatencySpike,
    ServerError,
    ConnectionReset,
    LostResponse,
    RateLimitStorm,
    WebhookDropped,
    WebhookDuplicated,
    WebhookReordered,
}
