using System.Collections.Concurrent;

namespace ContractBridge.Simulators.Common;

/// <summary>
/// Counts API calls per endpoint ("PATCH /api/v4/leads") and the answers that matter to a client: 429s, 5xx, resets.
/// Benchmarks and tests read these instead of trusting the bridge's own account.
/// </summary>
public sealed class CallCounter
{
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);
    private long _total;
    private long _tooManyRequests;
    private long _serverErrors;
    private long _resets;
    private long _lostResponses;

    public void Count(string endpoint)
    {
        _calls.AddOrUpdate(endpoint, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }

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
