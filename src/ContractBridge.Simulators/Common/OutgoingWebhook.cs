namespace ContractBridge.Simulators.Common;

/// <summary>One webhook a simulator sends: its body bytes are final (signed where the service signs).</summary>
public sealed record OutgoingWebhook(
    Uri Target,
    string ContentType,
    byte[] Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Description);

/// <summary>One try at delivering a webhook, as the receiver saw it (or did not).</summary>
public sealed record WebhookAttempt(
    string Description,
    Uri Target,
    int Attempt,
    int? StatusCode,
    string? Error,
    DateTimeOffset At);

/// <summary>How a webhook ended: delivered (2xx), gone (410), or given up after the last retry (or dropped).</summary>
public enum WebhookOutcome
{
    Delivered,
    Gone,
    GaveUp,
    Dropped,
}
