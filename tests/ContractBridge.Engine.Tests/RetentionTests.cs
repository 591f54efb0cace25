using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests;

/// <summary>Old finished work is deleted; anything unfinished, and everything recent, stays.</summary>
public abstract class RetentionTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Purge_DeletesOldSucceededJobsAndTheirEvents_KeepsPendingDeadAndRecent()
    {
        await Store.StoreEventsAsync([Event("done", "lead:1"), Event("pending", "lead:2"), Event("dead", "lead:3")], T0, None);
        var claimed = (await Store.ClaimAsync("k", 10, "me", T0, Lease, None)).ToDictionary(j => j.Key);
        Assert.True(await Store.CompleteAsync(claimed["lead:1"].Id, "me", [], T0, None));
        Assert.True(await Store.DeadLetterAsync(claimed["lead:3"].Id, "me", "boom", T0, None));
        await Store.ReleaseAsync([claimed["lead:2"].Id], "me", T0, None);
        await Store.StoreEventsAsync([Event("recent", "lead:4")], T0.AddDays(40), None);
        await CompleteAsync("lead:4", T0.AddDays(40));

        var purged = await Store.PurgeAsync(T0.AddDays(30), None);

        Assert.Equal(new Storage.PurgeResult(1, 1), purged);
        Assert.Equal(["lead:4", "lead:3", "lead:2"], (await Store.ListAsync(null, 10, None)).Select(j => j.Key));
        Assert.Equal(3, await Store.CountEventsAsync(None));
    }

    [Fact]
    public async Task Purge_ForgetsDedupeKeysOnlyOfDeletedEvents()
    {
        await Store.StoreEventsAsync([Event("old", "lead:1")], T0, None);
        await CompleteAsync("lead:1", T0);

        await Store.PurgeAsync(T0.AddDays(30), None);
        var again = await Store.StoreEventsAsync([Event("old", "lead:1")], T0.AddDays(31), None);

        Assert.Equal([IngestOutcome.Stored], again);
    }

    [Fact]
    public async Task Purge_OfMoreThanABatch_GoesOnBatchAfterBatchUntilEverythingOldIsGone()
    {
        // More than two of the store's 5,000-row batches.
        var old = Enumerable.Range(0, 10_007)
            .Select(i => new InboundEvent("kommo", $"old-{i}", "note", "application/json", "{}", []))
            .ToList();
        await Store.StoreEventsAsync(old, T0, None);
        await Store.StoreEventsAsync([Event("recent", "lead:9")], T0.AddDays(40), None);

        var purged = await Store.PurgeAsync(T0.AddDays(30), None);

        Assert.Equal(new Storage.PurgeResult(0, old.Count), purged);
        Assert.Equal(1, await Store.CountEventsAsync(None));
    }

    private static InboundEvent Event(string dedupe, string key) =>
        new("kommo", dedupe, dedupe, "application/json", "{}", [new NewJob("k", key, "{}")]);

    private async Task CompleteAsync(string key, DateTimeOffset at)
    {
        var job = (await Store.ClaimAsync("k", 10, "me", at, Lease, None)).Single(j => j.Key == key);
        Assert.True(await Store.CompleteAsync(job.Id, "me", [], at, None));
    }
}
