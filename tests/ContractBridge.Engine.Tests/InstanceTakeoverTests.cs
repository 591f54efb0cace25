using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests;

/// <summary>
/// The takeover rule on the store, with explicit times: a running job whose owner's instance row has run out is claimable
/// at once, long before its lease; an owner without a row is judged by its lease; the key rules still hold.
/// </summary>
public abstract class InstanceTakeoverTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Alive = TimeSpan.FromSeconds(3);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Claim_RunningJobOfAnInstanceThatStoppedBeating_IsTakenOverWhenItsRowRunsOut_NotAfterTheLease()
    {
        await Store.EnqueueAsync([Engines.Job("k", "lead:1")], T0, None);
        await Store.RegisterInstanceAsync("dead", T0, T0 + Alive, None);
        var job = Assert.Single(await Store.ClaimAsync("k", 10, "dead", T0, Lease, None));

        var whileAlive = await Store.ClaimAsync("k", 10, "survivor", T0 + Alive - TimeSpan.FromMilliseconds(1), Lease, None);
        var taken = await Store.ClaimAsync("k", 10, "survivor", T0 + Alive, Lease, None);

        Assert.Empty(whileAlive);
        Assert.Equal((job.Id, 2), (Assert.Single(taken).Id, taken[0].Attempt));
        Assert.Equal("survivor", (await Store.GetAsync(job.Id, None))!.LeaseOwner);
        Assert.False(await Store.CompleteAsync(job.Id, "dead", [], T0 + Alive, None));
    }

    [Fact]
    public async Task Claim_BeatingInstance_KeepsItsRunningJobs()
    {
        await Store.EnqueueAsync([Engines.Job("k", "lead:1")], T0, None);
        await Store.RegisterInstanceAsync("alive", T0, T0 + Alive, None);
        await Store.ClaimAsync("k", 10, "alive", T0, Lease, None);

        for (var beat = TimeSpan.FromSeconds(1); beat <= TimeSpan.FromSeconds(20); beat += TimeSpan.FromSeconds(1))
        {
            await Store.BeatInstanceAsync("alive", T0 + beat, T0 + beat + Alive, None);
            Assert.Empty(await Store.ClaimAsync("k", 10, "other", T0 + beat + TimeSpan.FromSeconds(2), Lease, None));
        }
    }

    [Fact]
    public async Task Claim_OwnerWithoutAnInstanceRow_IsJudgedByItsLeaseAlone()
    {
        await Store.EnqueueAsync([Engines.Job("k", "lead:1")], T0, None);
        await Store.ClaimAsync("k", 10, "no-engine", T0, Lease, None);

        Assert.Empty(await Store.ClaimAsync("k", 10, "other", T0 + Lease - TimeSpan.FromSeconds(1), Lease, None));
        Assert.Single(await Store.ClaimAsync("k", 10, "other", T0 + Lease, Lease, None));
    }

    [Fact]
    public async Task Claim_InstanceWhoseOwnBeatsLapsed_DoesNotClaimItsOwnRunningJobsAgain()
    {
        await Store.EnqueueAsync([Engines.Job("k", "lead:1")], T0, None);
        await Store.RegisterInstanceAsync("late", T0, T0 + Alive, None);
        await Store.ClaimAsync("k", 10, "late", T0, Lease, None);

        Assert.Empty(await Store.ClaimAsync("k", 10, "late", T0 + TimeSpan.FromSeconds(10), Lease, None));
        Assert.Single(await Store.ClaimAsync("k", 10, "late", T0 + Lease, Lease, None));
    }

    [Fact]
    public async Task Claim_TakenOverJob_StillHoldsBackTheLaterJobsOfItsKey()
    {
        await Store.EnqueueAsync([Engines.Job("k", "lead:1", "first"), Engines.Job("k", "lead:1", "second")], T0, None);
        await Store.RegisterInstanceAsync("dead", T0, T0 + Alive, None);
        await Store.ClaimAsync("k", 10, "dead", T0, Lease, None);

        var taken = await Store.ClaimAsync("k", 10, "survivor", T0 + Alive, Lease, None);

        Assert.Equal(["first"], taken.Select(j => j.Payload));
        Assert.Empty(await Store.ClaimAsync("k", 10, "third", T0 + Alive + Alive, Lease, None));
    }

    [Fact]
    public async Task NextDue_IsWhenTheOwnersRowRunsOut_WhenThatComesBeforeTheLease()
    {
        await Store.EnqueueAsync([Engines.Job("k", "lead:1")], T0, None);
        await Store.RegisterInstanceAsync("dead", T0, T0 + Alive, None);
        await Store.ClaimAsync("k", 10, "dead", T0, Lease, None);

        Assert.Equal(T0 + Alive, await Store.NextDueAsync("k", None));
        await Store.BeatInstanceAsync("dead", T0, T0 + TimeSpan.FromHours(1), None);
        Assert.Equal(T0 + Lease, await Store.NextDueAsync("k", None));
    }

    [Fact]
    public async Task ForgetSilentInstances_DeletesLongSilentRows_ExceptThoseThatStillHoldRunningJobs()
    {
        await Store.EnqueueAsync([Engines.Job("k", "lead:1")], T0, None);
        await Store.RegisterInstanceAsync("silent", T0, T0 + Alive, None);
        await Store.RegisterInstanceAsync("silent-holding", T0, T0 + Alive, None);
        await Store.ClaimAsync("k", 10, "silent-holding", T0, Lease, None);
        await Store.RegisterInstanceAsync("beating", T0, T0 + Alive, None);
        await Store.BeatInstanceAsync("beating", T0 + TimeSpan.FromHours(2), T0 + TimeSpan.FromHours(2) + Alive, None);

        var forgotten = await Store.ForgetSilentInstancesAsync(T0 + TimeSpan.FromHours(1), None);

        Assert.Equal(1, forgotten);
        Assert.Equal(["beating", "silent-holding"], await InstanceIdsAsync());
    }

    [Fact]
    public async Task Beat_AfterTheRowWasDeleted_RegistersTheInstanceAgain_AndRemoveDeletesIt()
    {
        await Store.RegisterInstanceAsync("back", T0, T0 + Alive, None);
        await Store.ForgetSilentInstancesAsync(T0 + TimeSpan.FromHours(1), None);
        Assert.Empty(await InstanceIdsAsync());

        await Store.BeatInstanceAsync("back", T0 + TimeSpan.FromHours(2), T0 + TimeSpan.FromHours(2) + Alive, None);
        Assert.Equal(["back"], await InstanceIdsAsync());

        await Store.RemoveInstanceAsync("back", None);
        Assert.Empty(await InstanceIdsAsync());
    }

    private Task<IReadOnlyList<string>> InstanceIdsAsync() =>
        Database.TextsAsync("SELECT instance_id FROM engine_instances ORDER BY instance_id;");
}
