namespace ContractBridge.Simulators.Common;

/// <summary>
/// Holds the current <see cref="FaultProfile"/> and makes the random draws against it. Seeded, so a run with the same
/// seed and the same request order injects the same faults.
/// </summary>
public sealed class FaultInjector(FaultProfile initial, int seed, TimeProvider time)
{
    private readonly Random _random = new(seed);
    private readonly Lock _randomLock = new();
    private FaultProfile _profile = initial;

    public FaultProfile Profile => Volatile.Read(ref _profile);

    public void Set(FaultProfile profile)
    {
        profile.Validate();
        Volatile.Write(ref _profile, profile);
    }

    public bool InRateLimitStorm => Profile.RateLimitStormUntil is { } until && time.GetUtcNow() < until;

    /// <summary>True with probability <paramref name="rate"/>.</summary>
    public bool Draw(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (_randomLock)
        {
            return _random.NextDouble() < rate;
        }
    }

    /// <summary>A uniformly random duration in [0, <paramref name="max"/>).</summary>
    public TimeSpan DrawDuration(TimeSpan max)
    {
        lock (_randomLock)
        {
            return TimeSpan.FromTicks((long)(_random.NextDouble() * max.Ticks));
        }
    }

    /// <summary>The latency to add to one call: the spike latency with the spike rate, else the steady latency.</summary>
    public TimeSpan DrawLatency()
    {
        var profile = Profile;
        return Draw(profile.SpikeRate) ? profile.SpikeLatency : profile.Latency;
    }
}
