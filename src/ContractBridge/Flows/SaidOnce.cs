using ContractBridge.Engine.Storage;

namespace ContractBridge.Flows;

/// <summary>
/// Makes one thing be said once, whichever job notices it first: the first job to claim a key owns it, and only that
/// job (or a re-run of it, after a crash) goes on. Webhooks repeat, and one change can arrive in several bodies; the
/// claim is in the shared store, so instances agree.
/// </summary>
public sealed class SaidOnce(IBridgeStore store, TimeProvider time)
{
    public async Task<bool> ClaimAsync(string key, long jobId, CancellationToken cancellationToken)
    {
        var owner = jobId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await store.CompareAndSetAsync("said:" + key, null, owner, time.GetUtcNow(), cancellationToken)
            || await store.GetAsync("said:" + key, cancellationToken) == owner;
    }
}
