namespace ContractBridge.Simulators.Common;

/// <summary>
/// The faults a simulator injects. Immutable: a new profile replaces the old one atomically, so a request never sees half
/// of a change. Rates are probabilities in [0, 1]; latencies are not time-scaled (they model the network, not the clock).
/// </summary>
public sealed record FaultProfile
{
    public static readonly FaultProfile None = new();

    /// <summary>Added to every API call before it is handled.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>
    /// Each API call waits a seeded uniform draw in [0, this) before the server counts it: the network's jitter, which
    /// bunches calls a client sent evenly, so a client shows whether it keeps the margin this needs. Zero: none.
    /// </summary>
    public TimeSpan ArrivalJitter { get; init; }

    /// <summary>Share of API calls that get <see cref="SpikeLatency"/> instead of <see cref="Latency"/>.</summary>
    public double SpikeRate { get; init; }

    public TimeSpan SpikeLatency { get; init; }

    /// <summary>Share of API calls answered with a 5xx before they are handled (nothing is changed).</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Share of API calls whose connection is reset before they are handled.</summary>
    public double ConnectionResetRate { get; init; }

    /// <summary>Share of writes (POST, PATCH, PUT, DELETE) that are committed, after which the connection is reset.</summary>
    public double LostResponseRate { get; init; }

    /// <summary>While the clock is before this instant, every API call is answered 429.</summary>
    public DateTimeOffset? RateLimitStormUntil { get; init; }

    /// <summary>Share of outgoing webhooks that are never sent.</summary>
    public double WebhookDropRate { get; init; }

    /// <summary>Share of outgoing webhooks that are sent twice.</summary>
    public double WebhookDuplicateRate { get; init; }

    /// <summary>Share of outgoing webhooks held back by up to <see cref="WebhookReorderWindow"/>, so later ones overtake them.</summary>
    public double WebhookReorderRate { get; init; }

    public TimeSpan WebhookReorderWindow { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Added before every outgoing webhook delivery.</summary>
    public TimeSpan WebhookDelay { get; init; }

    /// <summary>Throws when a rate or duration is out of range, with a message naming the field.</summary>
    public void Validate()
    {
        CheckRate(SpikeRate, nameof(SpikeRate));
        CheckRate(ServerErrorRate, nameof(ServerErrorRate));
        CheckRate(ConnectionResetRate, nameof(ConnectionResetRate));
        CheckRate(LostResponseRate, nameof(LostResponseRate));
        CheckRate(WebhookDropRate, nameof(WebhookDropRate));
        CheckRate(WebhookDuplicateRate, nameof(WebhookDuplicateRate));
        CheckRate(WebhookReorderRate, nameof(WebhookReorderRate));
        CheckDuration(Latency, nameof(Latency));
        CheckDuration(ArrivalJitter, nameof(ArrivalJitter));
        CheckDuration(SpikeLatency, nameof(SpikeLatency));
        CheckDuration(WebhookReorderWindow, nameof(WebhookReorderWindow));
        CheckDuration(WebhookDelay, nameof(WebhookDelay));
    }

    private static void CheckRate(double value, string name)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and 1.");
        }
    }

    private static void CheckDuration(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero || value > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and 5 minutes.");
        }
    }
}
