using ContractBridge.Contracts;
using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

/// <summary>What the Kommo-side reconciler reads and keeps: each deal's newest link, and its latest refused launch.</summary>
public abstract class ReconcilerStoreTests(ILinkDatabases databases) : LinkStoreTestBase(databases)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private ILaunchRefusalStore Refusals => LaunchRefusalStores.For(Store);

    [Fact]
    public async Task FindLatestByLeads_GivesEachLeadsNewestLink_CancelledOnesIncluded()
    {
        await Links.ReserveAsync(1, "MSA", "msa", jobId: 10, T0, None);
        await Links.CompleteLaunchAsync(new LaunchRecord(1, 10, "wf-1", "IC-1", "Deal 1", T0), [], T0, None);
        await Links.ApplyStateAsync("wf-1", ContractState.Cancelled, false, T0.AddMinutes(1), [], T0.AddMinutes(1), None);
        await Links.ReserveAsync(1, "MSA", "msa", jobId: 11, T0.AddMinutes(2), None);
        await Links.ReserveAsync(2, "MSA", "msa", jobId: 12, T0, None);
        await Links.CompleteLaunchAsync(new LaunchRecord(2, 12, "wf-2", "IC-2", "Deal 2", T0), [], T0, None);
        await Links.ApplyStateAsync("wf-2", ContractState.Cancelled, false, T0.AddMinutes(3), [], T0.AddMinutes(3), None);

        var latest = await Links.FindLatestByLeadsAsync([1, 2, 3], None);

        Assert.Equal([1L, 2L], latest.Keys.Order());
        Assert.Equal(ContractState.Launching, latest[1].State);
        Assert.Equal(11, latest[1].LaunchJobId);
        Assert.Equal(ContractState.Cancelled, latest[2].State);
        Assert.Equal(T0.AddMinutes(3), latest[2].IroncladUpdatedAt);
        Assert.Empty(await Links.FindLatestByLeadsAsync([], None));
    }

    [Fact]
    public async Task Refusals_AreFoundByLead_AndALaterOneReplacesTheEarlier()
    {
        await Refusals.RecordAsync(new LaunchRefusal(1, "msa", 1_700_000_000, T0), None);
        await Refusals.RecordAsync(new LaunchRefusal(2, "nda", null, T0), None);
        await Refusals.RecordAsync(new LaunchRefusal(1, "msa", 1_700_000_500, T0.AddMinutes(5)), None);

        var found = await Refusals.FindAsync([1, 2, 3], None);

        Assert.Equal(new LaunchRefusal(1, "msa", 1_700_000_500, T0.AddMinutes(5)), found[1]);
        Assert.Equal(new LaunchRefusal(2, "nda", null, T0), found[2]);
        Assert.False(found.ContainsKey(3));
    }

    [Fact]
    public async Task Refusals_AreSharedByEveryInstanceOnTheDatabase()
    {
        await Refusals.RecordAsync(new LaunchRefusal(7, "msa", 1_700_000_000, T0), None);

        var other = LaunchRefusalStores.For(Database.Open().Store);

        Assert.Equal(1_700_000_000, (await other.FindAsync([7], None))[7].LeadUpdatedAt);
    }
}
