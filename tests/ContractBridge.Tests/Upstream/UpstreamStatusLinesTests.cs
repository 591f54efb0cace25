using ContractBridge.Upstream;
using ContractBridge.Upstream.Circuits;
using ContractBridge.Web.Dashboard;

namespace ContractBridge.Tests.Upstream;

public sealed class UpstreamStatusLinesTests
{
    private static readonly DateTimeOffset At1203 = new(2026, 3, 2, 12, 3, 0, TimeSpan.Zero);

    [Fact]
    public void ClosedCircuit_ReadsAnswering() =>
        Assert.Equal("Kommo: answering", UpstreamStatusLines.Describe(new CircuitSnapshot(UpstreamService.Kommo, CircuitState.Closed, null, null, false), 0));

    [Fact]
    public void OpenCircuit_SaysSinceWhen_TheNextProbe_AndWhatWaits() =>
        Assert.Equal(
            "Ironclad: failing since 12:03 UTC (circuit open, next probe 12:05 UTC); 140 jobs waiting",
            UpstreamStatusLines.Describe(new CircuitSnapshot(UpstreamService.Ironclad, CircuitState.Open, At1203, At1203.AddMinutes(2), false), 140));

    [Fact]
    public void Block_IsNamedAsABlock() =>
        Assert.Equal(
            "Kommo: blocked this integration since 12:03 UTC (circuit half-open, probing); 1 job waiting",
            UpstreamStatusLines.Describe(new CircuitSnapshot(UpstreamService.Kommo, CircuitState.HalfOpen, At1203, null, true), 1));
}
