namespace ContractBridge.Simulators.Common;

/// <summary>
/// The simulators' notion of time. Rate-limit windows, retry schedules and auto-advance delays are divided by
/// <see cref="Scale"/>, so a benchmark can run Ironclad's 40 launches/minute as 40/second (scale 60).
/// Network latency is not scaled.
/// </summary>
public sealed class SimulatorClock
{
    public SimulatorClock(TimeProvider time, double scale)
    {
        if (double.IsNaN(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The time scale must be positive.");
        }

        Time = time;
        Scale = scale;
    }

    public TimeProvider Time { get; }

    public double Scale { get; }

    public DateTimeOffset UtcNow => Time.GetUtcNow();

    /// <summary>A real-world duration as it passes on the scaled clock.</summary>
    public TimeSpan Scaled(TimeSpan realWorld) => TimeSpan.FromTicks((long)(realWorld.Ticks / Scale));

    public Task Delay(TimeSpan duration, CancellationToken cancellationToken) =>
        duration <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(duration, Time, cancellationToken);
}
