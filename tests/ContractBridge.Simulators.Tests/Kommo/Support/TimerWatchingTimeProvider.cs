using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Simulators.Tests.Kommo.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test when the code under test starts waiting (creates a timer),
/// so the test advances the clock only once the wait is registered: no race, no sleeping.
/// </summary>
public sealed class TimerWatchingTimeProvider : TimeProvider, IDisposable
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();
    private readonly SemaphoreSlim _created = new(0);

    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _timers.Enqueue(dueTime);
        _created.Release();
        return timer;
    }

    /// <summary>Waits for the next timer the code creates and returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync(TimeSpan? timeout = null)
    {
        if (!await _created.WaitAsync(timeout ?? TimeSpan.FromSeconds(10)))
        {
            Assert.Fail("The code under test never started waiting.");
        }

        Assert.True(_timers.TryDequeue(out var due));
        return due;
    }

    public void Advance(TimeSpan by) => Fake.Advance(by);

    public void Dispose() => _created.Dispose();
}
