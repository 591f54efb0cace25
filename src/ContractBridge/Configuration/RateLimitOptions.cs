namespace ContractBridge.Configuration;

/// <summary>At most <see cref="Permits"/> calls in any <see cref="Window"/>: the upstream's published limit.</summary>
public sealed class RateLimitOptions
{
    public int Permits { get; set; }

    public TimeSpan Window { get; set; }

    public static RateLimitOptions PerSecond(int permits) => new() { Permits = permits, Window = TimeSpan.FromSeconds(1) };

    public static RateLimitOptions PerMinute(int permits) => new() { Permits = permits, Window = TimeSpan.FromMinutes(1) };

    public override string ToString() => $"{Permits} per {Window}";
}
