namespace ContractBridge.Configuration;

/// <summary>At most <see cref="Permits"/> calls in any <see cref="Window"/>: the upstream's published limit.</summary>
public sealed class RateLimitOptions
{
    public int Permits { get; set; }

    public TimeSpan Window { get; set; }

    /// <summary>
    /// How much later than it was sent a call may reach the server (network jitter, a busy machine): the fleet budget
    /// counts each permit this much longer, so calls sent evenly and bunched on the way still fit the server's window.
    /// </summary>
    public TimeSpan ArrivalMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    public static RateLimitOptions PerSecond(int permits) => new() { Permits = permits, Window = TimeSpan.FromSeconds(1) };

    public static RateLimitOptions PerMinute(int permits) => new() { Permits = permits, Window = TimeSpan.FromMinutes(1) };

    public override string ToString() => $"{Permits} per {Window}";
}
