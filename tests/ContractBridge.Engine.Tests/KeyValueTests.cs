using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests;

/// <summary>Small durable state and named leases: what makes a token refresh happen once across instances.</summary>
public abstract class KeyValueTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task SetThenGet_ReturnsTheLatestValue()
    {
        await Store.SetAsync("token", "a", T0, None);
        await Store.SetAsync("token", "b", T0, None);

        Assert.Equal("b", await Store.GetAsync("token", None));
        Assert.Null(await Store.GetAsync("missing", None));
    }

    [Fact]
    public async Task CompareAndSet_SucceedsOnlyFromTheExpectedValue()
    {
        var create = await Store.CompareAndSetAsync("token", null, "v1", T0, None);
        var createAgain = await Store.CompareAndSetAsync("token", null, "other", T0, None);
        var wrongExpected = await Store.CompareAndSetAsync("token", "v0", "other", T0, None);
        var update = await Store.CompareAndSetAsync("token", "v1", "v2", T0, None);

        Assert.Equal((true, false, false, true), (create, createAgain, wrongExpected, update));
        Assert.Equal("v2", await Store.GetAsync("token", None));
    }

    [Fact]
    public async Task CompareAndSet_RacingInstances_OneWinner()
    {
        await Store.SetAsync("token", "old", T0, None);
        var instances = Enumerable.Range(0, 4).Select(_ => Database.Open()).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => instances[i % 4].CompareAndSetAsync("token", "old", $"new-{i}", T0, None))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Lease_RacingInstances_OneWinner_UntilItExpires()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Database.Open()).ToList();
        var until = T0.AddSeconds(30);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(async () => (Owner: $"i{i}", Won: await instances[i % 4].TryAcquireLeaseAsync("oauth-refresh", $"i{i}", until, T0, None)))));
        var winner = Assert.Single(results, r => r.Won).Owner;
        var renewedByHolder = await Store.TryAcquireLeaseAsync("oauth-refresh", winner, until.AddSeconds(30), T0.AddSeconds(10), None);
        var otherBeforeExpiry = await Store.TryAcquireLeaseAsync("oauth-refresh", "late", T0.AddMinutes(5), T0.AddSeconds(59), None);
        var otherAfterExpiry = await Store.TryAcquireLeaseAsync("oauth-refresh", "late", T0.AddMinutes(5), T0.AddSeconds(60), None);

        Assert.Equal((true, false, true), (renewedByHolder, otherBeforeExpiry, otherAfterExpiry));
    }

    [Fact]
    public async Task ReleaseLease_FreesIt_ButOnlyForItsOwner()
    {
        await Store.TryAcquireLeaseAsync("refresh", "a", T0.AddMinutes(1), T0, None);

        await Store.ReleaseLeaseAsync("refresh", "b", None);
        var whileHeld = await Store.TryAcquireLeaseAsync("refresh", "b", T0.AddMinutes(1), T0, None);
        await Store.ReleaseLeaseAsync("refresh", "a", None);
        var afterRelease = await Store.TryAcquireLeaseAsync("refresh", "b", T0.AddMinutes(1), T0, None);

        Assert.Equal((false, true), (whileHeld, afterRelease));
    }
}
