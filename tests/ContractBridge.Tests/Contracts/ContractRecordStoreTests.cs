using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

/// <summary>
/// The contract records: a read is stored when it is new or newer, keeps the renewal task already made, and causes its
/// follow-up jobs once, whichever worker or instance reads the same record.
/// </summary>
public abstract class ContractRecordStoreTests(ILinkDatabases databases) : LinkStoreTestBase(databases)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private IContractRecordStore Records => ContractRecordStores.For(Store);

    [Fact]
    public async Task FirstRead_IsStored_WithItsFollowUps_AndAnEqualOrOlderReadChangesNothing()
    {
        var seen = new List<(ContractRecord? Before, ContractRecord Now)>();
        ContractRecordFollowUps followUps = (before, now) =>
        {
            seen.Add((before, now));
            return [new NewJob("test.renewal", "lead:1", "{}")];
        };

        var stored = await Records.ObserveAsync(Read(T0, new DateOnly(2027, 12, 31)), followUps, T0, None);
        var repeated = await Records.ObserveAsync(Read(T0, new DateOnly(2028, 6, 30)), followUps, T0.AddMinutes(1), None);
        var older = await Records.ObserveAsync(Read(T0.AddMinutes(-5), new DateOnly(2028, 6, 30)), followUps, T0.AddMinutes(1), None);

        Assert.Equal(new DateOnly(2027, 12, 31), stored!.ExpirationDate);
        Assert.Null(repeated);
        Assert.Null(older);
        var (before, now) = Assert.Single(seen);
        Assert.Null(before);
        Assert.Equal("rec-1", now.RecordId);
        Assert.Single(await Store.ListAsync(null, 100, None), j => j.Kind == "test.renewal");
        Assert.Equal(new DateOnly(2027, 12, 31), (await Records.FindAsync("rec-1", None))!.ExpirationDate);
    }

    [Fact]
    public async Task NewerRead_SeesTheStoredRecord_AndKeepsItsTask()
    {
        await Records.ObserveAsync(Read(T0, new DateOnly(2027, 12, 31)), (_, _) => [], T0, None);
        await Records.RecordTaskAsync("rec-1", 4242, new DateOnly(2027, 12, 31), T0, None);
        ContractRecord? seenBefore = null;

        var stored = await Records.ObserveAsync(Read(T0.AddDays(1), new DateOnly(2028, 6, 30)) with { ContractStatus = "inactive" }, (before, _) =>
        {
            seenBefore = before;
            return [];
        }, T0.AddDays(1), None);

        Assert.Equal((4242L, new DateOnly(2027, 12, 31)), (seenBefore!.TaskId!.Value, seenBefore.TaskExpiration!.Value));
        Assert.Equal((new DateOnly(2028, 6, 30), "inactive", 4242L), (stored!.ExpirationDate!.Value, stored.ContractStatus!, stored.TaskId!.Value));
        Assert.Equal(new DateOnly(2027, 12, 31), stored.TaskExpiration);
        var found = await Records.FindManyAsync(["rec-1", "rec-unknown"], None);
        Assert.Equal(["rec-1"], found.Keys);
    }

    [Fact]
    public async Task TheSameReadFromTwoInstancesAtOnce_CausesItsFollowUpsOnce()
    {
        var instances = Enumerable.Range(0, 2).Select(_ => ContractRecordStores.For(Database.Open().Store)).ToList();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => instances[i % 2].ObserveAsync(
            Read(T0, new DateOnly(2027, 12, 31)),
            (before, _) => before is null ? [new NewJob("test.renewal", "lead:1", "{}")] : [],
            T0,
            None)));

        Assert.Single(outcomes, o => o is not null);
        Assert.Single(await Store.ListAsync(null, 100, None), j => j.Kind == "test.renewal");
    }

    private static ContractRecord Read(DateTimeOffset lastUpdated, DateOnly? expiration) =>
        new("rec-1", 1, "wf-1", "IC-1 (MSA)", "msa", expiration, "active", "expiring", "Expiring", lastUpdated, null, null, lastUpdated);
}
