using ContractBridge.Upstream.Budget;

namespace ContractBridge.Tests.Upstream.Budget;

public sealed class SliceLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Span = TimeSpan.FromSeconds(1.2);

    [Fact]
    public void Grants_WhatTheSpanLeaves_AndNoMore()
    {
        BudgetSlice[] log = [new(T0, 3), new(T0.AddMilliseconds(100), 2)];

        var (kept, grant) = SliceLog.Lease(log, null, Request(T0.AddMilliseconds(200), want: 5));

        Assert.Equal(2, grant.Granted);
        Assert.Equal(new BudgetSlice(T0.AddMilliseconds(200), 2), kept[^1]);
        Assert.Equal(T0 + Span, grant.NextFreeAt);
    }

    [Fact]
    public void FullLog_GrantsNothing_UntilTheOldestSliceStopsCounting()
    {
        BudgetSlice[] log = [new(T0, 4), new(T0.AddMilliseconds(100), 3)];

        var (_, before) = SliceLog.Lease(log, null, Request(T0 + Span - TimeSpan.FromTicks(10), want: 2));
        var (kept, at) = SliceLog.Lease(log, null, Request(T0 + Span, want: 9));

        Assert.Equal(0, before.Granted);
        Assert.Equal(T0 + Span, before.NextFreeAt);
        Assert.Equal(4, at.Granted);
        Assert.DoesNotContain(new BudgetSlice(T0, 4), kept);
    }

    [Fact]
    public void Hold_GrantsNothing_UntilItEnds_ThoughPermitsAreLeft()
    {
        var hold = T0.AddSeconds(1);

        var (_, held) = SliceLog.Lease([], hold, Request(T0, want: 1));
        var (_, after) = SliceLog.Lease([], hold, Request(hold, want: 1));

        Assert.Equal((0, hold, hold), (held.Granted, held.NextFreeAt, held.HoldUntil));
        Assert.Equal((1, (DateTimeOffset?)null), (after.Granted, after.HoldUntil));
    }

    private static BudgetRequest Request(DateTimeOffset now, int want) => new("kommo", want, 7, now, Span);
}
