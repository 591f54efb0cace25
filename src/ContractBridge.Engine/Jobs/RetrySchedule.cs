namespace ContractBridge.Engine.Jobs;

/// <summary>
/// When a transiently failed job runs again: the upstream's Retry-After when it gave one, otherwise exponential backoff
/// with "equal jitter" (half the delay fixed, half random), so retries spread out yet never come sooner than half the delay.
/// </summary>
public sealed class RetrySchedule(JobEngineOptions options, Func<double>? random = null)
{
    private readonly Func<double> random = random ?? Random.Shared.NextDouble;

    /// <summary>The delay after failed attempt number <paramref name="attempt"/> (1 for the first run).</summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } hint && hint > TimeSpan.Zero)
        {
            return hint;
        }

        return Jittered(Backoff(attempt));
    }

    /// <summary>The un-jittered delay: base × 2^(attempt−1), capped.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ticks = Math.Min(options.BackoffBase.Ticks * Math.Pow(2, exponent), options.BackoffMax.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private TimeSpan Jittered(TimeSpan backoff) => (backoff / 2) + (backoff / 2 * random());
}
