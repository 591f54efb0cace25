namespace ContractBridge.Simulators.Common;

/// <summary>
/// Holds the current <see cref="FaultProfile"/> and makes the random draws against it. Seeded, so a run with the same
/// seed and the same request order injects the same faults.
/// </summary>
public sealed class FaultInjector(FaultProfile initial, int seed, TimeProvider time)
{
    private readonly Random _random = new(seed);
    private readonly Lock _randomLock = new();
    private readonly long[] _injected = new long[Enum.GetValues<FaultKind>().Length];
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

    /// <summary>True with probability <paramref name="rate"/>; a true draw is counted as an injected <paramref name="kind"/>.</summary>
    public bool Draw(double rate, FaultKind kind)
    {
        var drawn = Draw(rate);
        if (drawn)
        {
            Count(kind);
        }

        return drawn;
    }

    /// <summary>Counts a fault injected without a draw (a call refused during a 429 storm).</summary>
    public void Count(FaultKind kind) => Interlocked.Increment(ref _injected[(int)kind]);

    /// <summary>How many faults of each kind were injected since start (or <see cref="ResetCounts"/>).</summary>
    public IReadOnlyDictionary<FaultKind, long> Injected() =>
        Enum.GetValues<FaultKind>().ToDictionary(k => k, k => Interlocked.Read(ref _injected[(int)k]));

    public void ResetCounts()
    {
        for (var i = 0; i < _injected.Length; i++)
        {
            Interlocked.Exchange(ref _injected[i], 0);
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
        return Draw(profile.SpikeRate, FaultKind.LatencySpike) ? profile.SpikeLatency : profile.Latency;
    }
}
