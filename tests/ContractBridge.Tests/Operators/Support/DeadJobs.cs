using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Tests.Operators.Support;

/// <summary>
/// Puts a dead job in the store, as a job that failed for good would leave it. Its kind has no handler, so the running
/// engine never touches it: once replayed it stays pending, which is what "requeued" looks like.
/// </summary>
internal static class DeadJobs
{
    public const string Kind = "operators.test";

    public static async Task<long> AddAsync(IBridgeStore store, string error, string key = "lead:1", string? subject = null)
    {
        const string Owner = "operators-test";
        var now = DateTimeOffset.UtcNow;
        var unique = key + ":" + Guid.NewGuid().ToString("N")[..6];
        await store.EnqueueAsync([new NewJob(Kind, unique, "{\"leadId\":1}", Subject: subject)], now, CancellationToken.None);

        // Replayed jobs of this kind are pending too: claim them all, keep ours, give the others back.
        var claimed = await store.ClaimAsync(Kind, 100, Owner, now, TimeSpan.FromMinutes(5), CancellationToken.None);
        var ours = Assert.Single(claimed, j => j.Key == unique);
        await store.ReleaseAsync([.. claimed.Where(j => j.Id != ours.Id).Select(j => j.Id)], Owner, now, CancellationToken.None);
        Assert.True(await store.DeadLetterAsync(ours.Id, Owner, error, now, CancellationToken.None));
        return ours.Id;
    }
}
