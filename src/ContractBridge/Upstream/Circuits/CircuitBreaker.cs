namespace ContractBridge.Upstream.Circuits;

/// <summary>
/// One upstream's circuit breaker, on the injected clock. Closed, it samples the outcome of every call over
/// <see cref="CircuitBreakerOptions.SamplingDuration"/> and opens when the service fails (nearly) everything; open, it
/// refuses calls, telling each caller how long the break has left, so jobs wait instead of hammering a dead service;
/// when the break is over it lets one probe through at a time: an answer closes it, a failure opens it for another break.
/// Kommo's block page opens it for the longer <see cref="CircuitBreakerOptions.BlockedBreakDuration"/> at once.
/// </summary>
public sealed class CircuitBreaker(UpstreamService service, CircuitBreakerOptions options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Queue<(DateTimeOffset At, bool Failed)> _samples = new();
    private int _failures;
    private DateTimeOffset? _openUntil;
    private DateTimeOffset? _unavailableSince;
    private bool _probing;
    private bool _blocked;

    public UpstreamService Service => service;

    /// <summary>The breaker's clock, for callers that turn its instants into delays.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Whether a call may go now. A permit that <see cref="CircuitPermit.IsProbe"/> must be followed by <see cref="Record"/>.</summary>
    public CircuitPermit TryEnter()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_openUntil is not { } until)
            {
                return CircuitPermit.Call;
            }

            if (now < until)
            {
                return CircuitPermit.Refused(until - now);
            }

            if (_probing)
            {
                // One probe at a time; the others come back after a break, when a failed probe would allow the next.
                return CircuitPermit.Refused(BreakFor());
            }

            _probing = true;
            return CircuitPermit.Probe;
        }
    }

    /// <summary>Records how a permitted call ended; returns what changed, for the caller to log.</summary>
    public CircuitTransition Record(CircuitPermit permit, CircuitOutcome outcome)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (permit.IsProbe)
            {
                _probing = false;
            }

            return outcome switch
            {
                CircuitOutcome.Blocked => Block(now),
                CircuitOutcome.Answered when _openUntil is not null && permit.IsProbe => Close(),
                CircuitOutcome.Failed when _openUntil is not null && permit.IsProbe => Reopen(now),
                CircuitOutcome.Answered or CircuitOutcome.Failed when _openUntil is null => Sample(now, outcome == CircuitOutcome.Failed),
                _ => CircuitTransition.None,
            };
        }
    }

    public CircuitSnapshot Snapshot()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var state = _openUntil is not { } until ? CircuitState.Closed
                : now < until && !_probing ? CircuitState.Open
                : CircuitState.HalfOpen;
            return new CircuitSnapshot(service, state, _unavailableSince, state == CircuitState.Open ? _openUntil : null, _blocked);
        }
    }

    private CircuitTransition Sample(DateTimeOffset now, bool failed)
    {
        _samples.Enqueue((now, failed));
        _failures += failed ? 1 : 0;
        while (_samples.TryPeek(out var oldest) && oldest.At <= now - options.SamplingDuration)
        {
            _failures -= _samples.Dequeue().Failed ? 1 : 0;
        }

        if (_samples.Count < options.MinimumCalls || _failures < options.FailureRatio * _samples.Count)
        {
            return CircuitTransition.None;
        }

        _unavailableSince = now;
        _openUntil = now + options.BreakDuration;
        ClearSamples();
        return CircuitTransition.Opened;
    }

    private CircuitTransition Reopen(DateTimeOffset now)
    {
        _openUntil = now + BreakFor();
        return CircuitTransition.None;
    }

    private CircuitTransition Block(DateTimeOffset now)
    {
        var wasBlocked = _blocked;
        _blocked = true;
        _unavailableSince ??= now;
        _openUntil = now + options.BlockedBreakDuration;
        ClearSamples();
        return wasBlocked ? CircuitTransition.None : CircuitTransition.Blocked;
    }

    private CircuitTransition Close()
    {
        _openUntil = null;
        _unavailableSince = null;
        _blocked = false;
        ClearSamples();
        return CircuitTransition.Closed;
    }

    private TimeSpan BreakFor() => _blocked ? options.BlockedBreakDuration : options.BreakDuration;

    private void ClearSamples()
    {
        _samples.Clear();
        _failures = 0;
    }
}
