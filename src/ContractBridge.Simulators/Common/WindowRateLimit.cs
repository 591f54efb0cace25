using System.Collections.Concurrent;

namespace ContractBridge.Simulators.Common;

/// <summary>
/// A server-side fixed-window counter per key (an integration, a company and rate bucket), as the real services count:
/// at most <see cref="Limit"/> calls per window, windows aligned to the clock. The window is time-scaled.
/// Written here rather than taken from System.Threading.RateLimiting because the server must count on the
/// simulator's own <see cref="TimeProvider"/> (tests control it) and never queue: it only says yes or no.
/// </summary>
public sealed class WindowRateLimit(SimulatorClock clock, int limit, TimeSpan realWindow)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly TimeSpan _window = clock.Scaled(realWindow);

    public int Limit { get; } = limit;

    /// <summary>Counts one call for <paramref name="key"/>; false when the key is over its limit in this window.</summary>
    public bool TryAcquire(string key)
    {
        var nowTicks = clock.UtcNow.UtcTicks;
        var windowIndex = _window.Ticks <= 0 ? 0 : nowTicks / _window.Ticks;
        var window = _windows.GetOrAdd(key, static _ => new Window());
        lock (window)
        {
            if (window.Index != windowIndex)
            {
                window.Index = windowIndex;
                window.Count = 0;
            }

            if (window.Count >= Limit)
            {
                return false;
            }

            window.Count++;
            return true;
        }
    }

    private sealed class Window
    {
        public long Index { get; set; } = -1;

        public int Count { get; set; }
    }
}
