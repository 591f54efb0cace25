using ContractBridge.Configuration;
using ContractBridge.Tests.Upstream.Budget.Support;
using ContractBridge.Upstream.Budget;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ContractBridge.Tests.Upstream.Budget;

/// <summary>
/// Limiters on one SQLite file, on a fake clock: a caller that must wait parks on the clock, so the test sees it wait
/// and lets it go by advancing time. A parked acquire can only complete once the clock moves, so asserting it has not
/// completed cannot pass by luck.
/// </summary>
public sealed class FleetRateLimiterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly RateLimitOptions Limit = new() { Permits = 4, Window = TimeSpan.FromSeconds(1), ArrivalMargin = TimeSpan.FromMilliseconds(100) };
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private BudgetDatabase? database;

    public async Task InitializeAsync() => database = await new SqliteBudgetDatabases().NewDatabaseAsync();

    public async Task DisposeAsync() => await database!.DisposeAsync();

    [Fact]
    public async Task RestartedLimiter_OnTheSameFile_DoesNotStartWithAFullBudget()
    {
        using var first = await LimiterAsync(Limit);
        for (var i = 0; i < Limit.Permits; i++)
        {
            using var lease = await first.AcquireAsync(1);
            Assert.True(lease.IsAcquired);
        }

        using var restarted = await LimiterAsync(Limit);
        var waiting = restarted.AcquireAsync(1).AsTask();
        await ParkedAsync(restarted, roundTrips: 1);

        Assert.False(waiting.IsCompleted);
        time.Advance(restarted.Shape.Span);
        using var granted = await waiting;
        Assert.True(granted.IsAcquired);
    }

    [Fact]
    public async Task TooManyRequests_HoldsTheBucket_ForEveryLimiter_ForTheWindow()
    {
        using var reporter = await LimiterAsync(Limit);
        using var other = await LimiterAsync(Limit);
        using (await reporter.AcquireAsync(1))
        {
            await reporter.OnTooManyRequestsAsync(CancellationToken.None);
        }

        var retry = reporter.AcquireAsync(1).AsTask();
        var elsewhere = other.AcquireAsync(1).AsTask();
        await ParkedAsync(other, roundTrips: 1);
        time.Advance(Limit.Window - TimeSpan.FromMilliseconds(1));

        Assert.False(retry.IsCompleted);
        Assert.False(elsewhere.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        using var retried = await retry;
        using var granted = await elsewhere;
        Assert.True(retried.IsAcquired && granted.IsAcquired);
    }

    [Fact]
    public async Task BurstOfCallers_IsServedFromSlices_FarFewerRoundTripsThanCalls()
    {
        var limit = RateLimitOptions.PerMinute(40);
        using var limiter = await LimiterAsync(limit);

        var leases = await Task.WhenAll(Enumerable.Range(0, limit.Permits).Select(_ => limiter.AcquireAsync(1).AsTask()));
        var over = limiter.AttemptAcquire(1);

        Assert.All(leases, l => Assert.True(l.IsAcquired));
        Assert.False(over.IsAcquired);
        output.WriteLine($"{limiter.StoreRoundTrips} store round trips for {limiter.Granted} calls ({(double)limiter.StoreRoundTrips / limiter.Granted:0.00} per call)");
        Assert.InRange(limiter.StoreRoundTrips, limit.Permits / limiter.Shape.MaxSlice, 8);
    }

    [Fact]
    public async Task StoreRoundTrip_LongerThanATenthOfAShrunkWindow_StillGetsTheCallItsPermit()
    {
        // Kommo's window on a clock 60× faster is 16.7 ms; each lease here takes 20 ms of the clock to come back.
        var scaled = new RateLimitOptions { Permits = 7, Window = TimeSpan.FromSeconds(1) / 60, ArrivalMargin = TimeSpan.FromMilliseconds(100) };
        var (_, budgets) = await database!.OpenAsync();
        using var limiter = new FleetRateLimiter("kommo", BudgetShape.For(scaled), new SlowBudgets(budgets, time, TimeSpan.FromMilliseconds(20)), time);

        using var lease = await limiter.AcquireAsync(1).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(lease.IsAcquired);
        Assert.Equal(1, limiter.StoreRoundTrips);
    }

    private async Task<FleetRateLimiter> LimiterAsync(RateLimitOptions limit)
    {
        var (_, budgets) = await database!.OpenAsync();
        return new FleetRateLimiter("kommo", BudgetShape.For(limit), budgets, time);
    }

    private static Task ParkedAsync(FleetRateLimiter limiter, int roundTrips) =>
        Eventually.TrueAsync(() => limiter.StoreRoundTrips >= roundTrips, "the limiter to ask the store", TimeSpan.FromSeconds(10));

    /// <summary>A store whose every lease takes <paramref name="roundTrip"/> of the fake clock, as a loaded database's would.</summary>
    private sealed class SlowBudgets(IRateBudgetStore inner, FakeTimeProvider time, TimeSpan roundTrip) : IRateBudgetStore
    {
        public async Task<BudgetGrant> LeaseAsync(BudgetRequest request, CancellationToken cancellationToken)
        {
            var grant = await inner.LeaseAsync(request, cancellationToken);
            time.Advance(roundTrip);
            return grant;
        }

        public Task HoldAsync(string bucket, DateTimeOffset until, CancellationToken cancellationToken) => inner.HoldAsync(bucket, until, cancellationToken);
    }
}
