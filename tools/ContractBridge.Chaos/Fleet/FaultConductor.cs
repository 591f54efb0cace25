using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Chaos.World;
using ContractBridge.Simulators.Common;

namespace ContractBridge.Chaos.Fleet;

/// <summary>
/// Plays the fleet run's faults on both simulators at once: a steady baseline (arrival jitter), 429 storms every few
/// seconds, and one outage of each upstream (every call answered 5xx). Each change composes the whole profile under
/// one lock, so a storm starting as an outage ends can never write the outage back.
/// </summary>
public sealed class FaultConductor(ChaosWorld world, FaultProfile baseline, TextWriter log)
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _kommoStorm;
    private DateTimeOffset? _ironcladStorm;
    private bool _kommoDown;
    private bool _ironcladDown;

    public long Storms { get; private set; }

    public long Outages { get; private set; }

    /// <summary>While true, no upstream call can succeed on one service: "work resumed" is not measured by calls then.</summary>
    public bool AnyOutage
    {
        get
        {
            lock (_lock)
            {
                return _kommoDown || _ironcladDown;
            }
        }
    }

    public void Apply()
    {
        lock (_lock)
        {
            world.Kommo.Control.SetFaults(baseline with { ServerErrorRate = _kommoDown ? 1 : baseline.ServerErrorRate, RateLimitStormUntil = _kommoStorm });
            world.Ironclad.Control.SetFaults(baseline with { ServerErrorRate = _ironcladDown ? 1 : baseline.ServerErrorRate, RateLimitStormUntil = _ironcladStorm });
        }
    }

    /// <summary>Every 3–9 s one simulator answers every call 429 for 1–3 s (counted by the simulators as RateLimitStorm).</summary>
    public async Task StormsAsync(Random random, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(random.Next(3_000, 9_000), cancellationToken);
            var until = DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(random.Next(1_000, 3_000));
            var kommo = random.Next(2) == 0;
            lock (_lock)
            {
                if (kommo)
                {
                    _kommoStorm = until;
                }
                else
                {
                    _ironcladStorm = until;
                }

                Storms++;
            }

            Apply();
        }
    }

    /// <summary>
    /// Ironclad fails every call for <paramref name="duration"/> once the work passes a quarter of its progress, then
    /// Kommo does once it passes 60%: each while work is pending, so jobs must wait the outage out.
    /// </summary>
    public async Task OutagesAsync(Func<long> progress, long fullProgress, TimeSpan duration, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await OutageAsync("Ironclad", progress, fullProgress / 4, duration, timeout, down => _ironcladDown = down, cancellationToken);
        await OutageAsync("Kommo", progress, fullProgress * 3 / 5, duration, timeout, down => _kommoDown = down, cancellationToken);
    }

    private async Task OutageAsync(string service, Func<long> progress, long threshold, TimeSpan duration, TimeSpan timeout, Action<bool> set, CancellationToken cancellationToken)
    {
        await Until.TrueAsync(() => progress() >= threshold, $"progress {threshold} before the {service} outage", timeout, cancellationToken, pollMilliseconds: 25);
        lock (_lock)
        {
            set(true);
            Outages++;
        }

        Apply();
        await log.WriteLineAsync($"  {service} outage: every call 5xx for {duration.TotalSeconds:0.#} s (progress {progress()})");
        try
        {
            await Task.Delay(duration, cancellationToken);
        }
        finally
        {
            lock (_lock)
            {
                set(false);
            }

            Apply();
            await log.WriteLineAsync($"  {service} outage over (progress {progress()})");
        }
    }
}
