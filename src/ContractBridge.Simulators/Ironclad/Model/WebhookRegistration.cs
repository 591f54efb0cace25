namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>A registered webhook. Mutable, touched only under the state's lock.</summary>
public sealed class WebhookRegistration
{
    public required string Id { get; init; }

    public required List<string> Events { get; set; }

    public required Uri TargetUrl { get; set; }

    /// <summary>"enabled", "disabled" or "disabledBySystem".</summary>
    public required string Status { get; set; }

    public DateTimeOffset StatusLastUpdatedAt { get; set; }

    public string StatusLastUpdatedBy { get; set; } = "system";

    public int ConsecutiveFailureCount { get; set; }

    public DateTimeOffset? FirstConsecutiveFailure { get; set; }

    public bool Wants(string eventName) =>
        Status == "enabled" && Events.Exists(e => e == "*" || string.Equals(e, eventName, StringComparison.Ordinal));

    public WebhookSnapshot Snapshot() => new(
        Id, [.. Events], TargetUrl, Status, StatusLastUpdatedAt, StatusLastUpdatedBy, ConsecutiveFailureCount, FirstConsecutiveFailure);
}
