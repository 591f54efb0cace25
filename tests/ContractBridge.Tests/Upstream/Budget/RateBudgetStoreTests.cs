using ContractBridge.Tests.Upstream.Budget.Support;
using ContractBridge.Upstream.Budget;

namespace ContractBridge.Tests.Upstream.Budget;

/// <summary>The budget rows, as every instance sees them: run against SQLite and PostgreSQL alike.</summary>
public abstract class RateBudgetStoreTests(IBudgetDatabases databases)
{
    private const int Limit = 7;
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Span = TimeSpan.FromMilliseconds(1200);

    [Fact]
    public async Task RacingLeases_FromThreeInstances_GrantTheLimitOnce_ThenNothingUntilTheSpanEnds()
    {
        await using var database = await databases.NewDatabaseAsync();
        var instances = new[] { (await database.OpenAsync()).Budgets, (await database.OpenAsync()).Budgets, (await database.OpenAsync()).Budgets };

        var grants = await Task.WhenAll(instances.SelectMany(store => Enumerable.Range(0, 10).Select(_ => store.LeaseAsync(Request(T0, want: 1), CancellationToken.None))));
        var early = await instances[1].LeaseAsync(Request(T0 + Span - TimeSpan.FromMilliseconds(1), want: 1), CancellationToken.None);
        var later = await instances[2].LeaseAsync(Request(T0 + Span, want: Limit), CancellationToken.None);

        Assert.Equal(Limit, grants.Sum(g => g.Granted));
        Assert.Equal((0, T0 + Span), (early.Granted, early.NextFreeAt));
        Assert.Equal(Limit, later.Granted);
    }

    [Fact]
    public async Task Hold_ByOneInstance_StopsEveryInstance_UntilItEnds()
    {
        await using var database = await databases.NewDatabaseAsync();
        var (_, first) = await database.OpenAsync();
        var (_, second) = await database.OpenAsync();
        var until = T0.AddSeconds(1);

        await first.HoldAsync("kommo", until, CancellationToken.None);
        await second.HoldAsync("kommo", T0.AddMilliseconds(10), CancellationToken.None);
        var held = await second.LeaseAsync(Request(T0.AddMilliseconds(500), want: 1), CancellationToken.None);
        var other = await second.LeaseAsync(Request(T0.AddMilliseconds(500), want: 1) with { Bucket = "ironclad:workflow-writes" }, CancellationToken.None);
        var after = await first.LeaseAsync(Request(until, want: 1), CancellationToken.None);

        Assert.Equal((0, until, until), (held.Granted, held.NextFreeAt, held.HoldUntil));
        Assert.Equal(1, other.Granted);
        Assert.Equal(1, after.Granted);
    }

    [Fact]
    public async Task RestartedInstance_FindsTheBudgetWhereTheFleetLeftIt()
    {
        await using var database = await databases.NewDatabaseAsync();
        var (_, before) = await database.OpenAsync();
        Assert.Equal(Limit, (await before.LeaseAsync(Request(T0, want: Limit), CancellationToken.None)).Granted);

        // A new process opens a store of its own on the same database.
        var (_, restarted) = await database.OpenAsync();
        var grant = await restarted.LeaseAsync(Request(T0.AddMilliseconds(1), want: 1), CancellationToken.None);

        Assert.Equal((0, T0 + Span), (grant.Granted, grant.NextFreeAt));
    }

    private static BudgetRequest Request(DateTimeOffset now, int want) => new("kommo", want, Limit, now, Span);
}
