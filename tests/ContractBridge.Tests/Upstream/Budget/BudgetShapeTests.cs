using ContractBridge.Configuration;
using ContractBridge.Upstream.Budget;

namespace ContractBridge.Tests.Upstream.Budget;

/// <summary>What the fleet budget costs in throughput: the limit per span, where span = window + slice life + margin.</summary>
public sealed class BudgetShapeTests
{
    [Fact]
    public void IroncladsMinute_GrantsItsLimitPer61Point6Seconds()
    {
        var shape = BudgetShape.For(RateLimitOptions.PerMinute(40));

        Assert.Equal(TimeSpan.FromSeconds(1.5), shape.SliceLifetime);
        Assert.Equal(TimeSpan.FromSeconds(61.6), shape.Span);
        Assert.Equal(10, shape.MaxSlice);
    }

    [Fact]
    public void KommosSecond_KeepsTheShortestSliceLife()
    {
        var shape = BudgetShape.For(new RateLimitOptions { Permits = 7, Window = TimeSpan.FromSeconds(1), ArrivalMargin = TimeSpan.FromMilliseconds(100) });

        Assert.Equal(BudgetShape.MinimumSliceLifetime, shape.SliceLifetime);
        Assert.Equal(TimeSpan.FromMilliseconds(1150), shape.Span);
        Assert.Equal(2, shape.MaxSlice);
    }
}
