namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>A webhook registration as the control API reports it.</summary>
public sealed record WebhookSnapshot(
    string Id,
    IReadOnlyList<string> Events,
    Uri TargetUrl,
    string Status,
    DateTimeOffset StatusLastUpdatedAt,
    string StatusLastUpdatedBy,
    int ConsecutiveFailureCount,
    DateTimeOffset? FirstConsecutiveFailure);
