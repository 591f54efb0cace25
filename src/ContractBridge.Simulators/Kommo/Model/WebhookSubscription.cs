namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A registered webhook: a destination and the events ("status_lead", "add_lead", ...) it wants.</summary>
internal sealed class WebhookSubscription
{
    public required long Id { get; init; }

    public required Uri Destination { get; init; }

    public required IReadOnlyList<string> Settings { get; set; }

    public int Sort { get; set; }

    public bool Disabled { get; set; }

    public long CreatedBy { get; init; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; set; }

    /// <summary>When each invalid answer came, oldest first; trimmed to the failure window.</summary>
    public Queue<DateTimeOffset> RecentFailures { get; } = new();
}
