using ContractBridge.Upstream;
using ContractBridge.Upstream.Circuits;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Upstream;

public sealed class CircuitBreakerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 12, 3, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(T0);
    private readonly CircuitBreakerOptions _options = new();
    private readonly CircuitBreaker _breaker;

    public CircuitBreakerTests() => _breaker = new CircuitBreaker(UpstreamService.Ironclad, _options, _time);

    [Fact]
    public void TenFailuresIn30Seconds_OpenTheCircuit_AndCallsAreRefusedForTheBreak()
    {
        var transitions = Calls(10, CircuitOutcome.Failed);
        var refused = _breaker.TryEnter();

        Assert.Equal(CircuitTransition.Opened, transitions[^1]);
        Assert.All(transitions[..^1], t => Assert.Equal(CircuitTransition.None, t));
        Assert.Equal(CircuitPermit.Refused(_options.BreakDuration), refused);
        Assert.Equal(new CircuitSnapshot(UpstreamService.Ironclad, CircuitState.Open, T0, T0 + _options.BreakDuration, false), _breaker.Snapshot());
    }

    [Fact]
    public void FewerThanTheMinimumCalls_NeverOpen_HoweverManyFail()
    {
        Calls(9, CircuitOutcome.Failed);

        Assert.Equal(CircuitPermit.Call, _breaker.TryEnter());
    }

    [Fact]
    public void AServiceThatAnswersOneCallInFive_StaysClosed()
    {
        for (var i = 0; i < 40; i++)
        {
            Calls(1, i % 5 == 0 ? CircuitOutcome.Answered : CircuitOutcome.Failed);
        }

        Assert.Equal(CircuitState.Closed, _breaker.Snapshot().State);
    }

    [Fact]
    public void FailuresOlderThanTheSamplingWindow_AreForgotten()
    {
        Calls(9, CircuitOutcome.Failed);
        _time.Advance(_options.SamplingDuration);

        var transition = Calls(1, CircuitOutcome.Failed)[0];

        Assert.Equal(CircuitTransition.None, transition);
        Assert.Equal(CircuitState.Closed, _breaker.Snapshot().State);
    }

    [Fact]
    public void AfterTheBreak_OneProbeAtATime_AndAFailedProbeOpensItAgain()
    {
        Calls(10, CircuitOutcome.Failed);
        _time.Advance(_options.BreakDuration);

        var probe = _breaker.TryEnter();
        var second = _breaker.TryEnter();
        var halfOpen = _breaker.Snapshot();
        _breaker.Record(probe, CircuitOutcome.Failed);
        var reopened = _breaker.Snapshot();

        Assert.Equal(CircuitPermit.Probe, probe);
        Assert.False(second.Allowed);
        Assert.Equal(CircuitState.HalfOpen, halfOpen.State);
        Assert.Equal((CircuitState.Open, T0, T0 + (2 * _options.BreakDuration)), (reopened.State, reopened.UnavailableSince, reopened.NextProbeAt));
    }

    [Fact]
    public void AProbeThatGetsAnAnswer_ClosesTheCircuit()
    {
        Calls(10, CircuitOutcome.Failed);
        _time.Advance(_options.BreakDuration);

        var transition = _breaker.Record(_breaker.TryEnter(), CircuitOutcome.Answered);

        Assert.Equal(CircuitTransition.Closed, transition);
        Assert.Equal(new CircuitSnapshot(UpstreamService.Ironclad, CircuitState.Closed, null, null, false), _breaker.Snapshot());
        Assert.Equal(CircuitPermit.Call, _breaker.TryEnter());
    }

    [Fact]
    public void ABlockPage_OpensAtOnceForTheBlockedBreak_AndReportsTheBlockOnlyOnce()
    {
        var first = _breaker.Record(_breaker.TryEnter(), CircuitOutcome.Blocked);
        _time.Advance(_options.BlockedBreakDuration);
        var probe = _breaker.TryEnter();
        var again = _breaker.Record(probe, CircuitOutcome.Blocked);
        var snapshot = _breaker.Snapshot();

        Assert.Equal((CircuitTransition.Blocked, CircuitTransition.None), (first, again));
        Assert.True(probe.IsProbe);
        Assert.Equal(new CircuitSnapshot(UpstreamService.Ironclad, CircuitState.Open, T0, _time.GetUtcNow() + _options.BlockedBreakDuration, true), snapshot);
    }

    [Fact]
    public void ACancelledProbe_FreesTheProbeSlot_WithoutDecidingAnything()
    {
        Calls(10, CircuitOutcome.Failed);
        _time.Advance(_options.BreakDuration);

        _breaker.Record(_breaker.TryEnter(), CircuitOutcome.Unknown);

        Assert.Equal(CircuitPermit.Probe, _breaker.TryEnter());
    }

    private CircuitTransition[] Calls(int count, CircuitOutcome outcome) =>
        [.. Enumerable.Range(0, count).Select(_ => _breaker.Record(_breaker.TryEnter(), outcome))];
}
