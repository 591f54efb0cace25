namespace ContractBridge.Simulators.Kommo.Webhooks;

/// <summary>A registered webhook as the control API shows it, with the invalid answers it has given within the failure window.</summary>
public sealed record WebhookSubscriptionView(
    long Id,
    Uri Destination,
    IReadOnlyList<string> Settings,
    int Sort,
    bool Disabled,
    int RecentFailures);
