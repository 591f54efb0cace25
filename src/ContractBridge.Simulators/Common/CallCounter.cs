using System.Collections.Concurrent;

namespace ContractBridge.Simulators.Common;

/// <summary>
/// Counts API calls per endpoint ("PATCH /api/v4/leads") and the answers that matter to a client: 429s, 5xx, resets.
/// Benchmarks and tests read these instead of trusting the bridge's own account. The first
/// <see cref="TimelineCapacity"/> calls are also kept with their arrival times (<see cref="Timeline"/>), so a benchmark
/// can show where one deal's time went, call by call.
/// </summary>
public sealed class CallCounter
{
    public const int TimelineCapacity = 1_000;

    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TimedCall> _timeline = new();
    private int _timelineCount;
    private long _total;
    private long _tooManyRequests;
    private long _serverErrors;
    private long _resets;
    private long _lostResponses;

    /// <param name="arrivedAt">When the call reached the server, before any latency it is given.</param>
    public void Count(string endpoint, DateTimeOffset arrivedAt)
    {
        _calls.AddOrUpdate(endpoint, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _total);
        if (Interlocked.Increment(ref _timelineCount) <= TimelineCapacity)
        {
            _timeline.Enqueue(new TimedCall(arrivedAt, endpoint));
        }
    }

    /// <summary>The first calls since the last <see cref="Reset"/>, in the order they arrived.</summary>
    public IReadOnlyList<TimedCall> Timeline => [.. _timeline.OrderBy(c => c.ArrivedAt)];

    public void CountTooManyRequests() => Interlocked.Increment(ref _tooManyRequests);

    public void CountServerError() => Interlocked.Increment(ref _serverErrors);

    public void CountReset() => Interlocked.Increment(ref _resets);

    public void CountLostResponse() => Interlocked.Increment(ref _lostResponses);

    public CallCounts Snapshot() => new(
        Interlocked.Read(ref _total),
        Interlocked.Read(ref _tooManyRequests),
        Interlocked.Read(ref _serverErrors),
        Interlocked.Read(ref _resets),
        Interlocked.Read(ref _lostResponses),
        new SortedDictionary<string, long>(_calls, StringComparer.Ordinal));

    public void Reset()
    {
        _calls.Clear();
        _timeline.Clear();
        Interlocked.Exchange(ref _timelineCount, 0);
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _tooManyRequests, 0);
        Interlocked.Exchange(ref _serverErrors, 0);
        Interlocked.Exchange(ref _resets, 0);
        Interlocked.Exchange(ref _lostResponses, 0);
    }
}

/// <summary>What <see cref="CallCounter"/> has seen. Endpoints are "METHOD /route/template".</summary>
public sealed record CallCounts(
    long Total,
    long TooManyRequests,
    long ServerErrors,
    long ConnectionResets,
    long LostResponses,
    IReadOnlyDictionary<string, long> ByEndpoint);

/// <summary>One call as it arrived: when, and its endpoint ("METHOD /route/template").</summary>
public sealed record TimedCall(DateTimeOffset ArrivedAt, string Endpoint);
