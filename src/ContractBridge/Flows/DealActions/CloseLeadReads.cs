using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealActions;

/// <summary>
/// The read a close needs of its deal (is it still where the bridge may move it from?), made beside the read of the
/// contract's workflow when nothing would be gathered with it. One deal closing waits for two round trips instead of
/// three (workflow and deal side by side, then the move). Only a contract closing alone reads its deal so: while
/// another contract's close is being synced, or moves are being written, the moves of many contracts read their deals
/// together, a call for up to 250 (<see cref="StageMoveHandler"/>), where a read per deal here would cost a Kommo call
/// each. A failed read is no failure: the move reads the deal itself.
/// </summary>
public sealed class CloseLeadReads(KommoClient kommo, TimeProvider time)
{
    /// <summary>
    /// How old a read may be for a move to trust it. A move made at once is a few milliseconds behind its read; one
    /// retried or queued behind others reads the deal again, as every move did before.
    /// </summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(2);

    private int movesInFlight;
    private int closesInFlight;
    private int readsInFlight;

    /// <summary>Marks a batch of moves in flight until disposed: no read is made beside a workflow meanwhile.</summary>
    public IDisposable MovesInFlight()
    {
        Interlocked.Increment(ref movesInFlight);
        return new Scope(() => Interlocked.Decrement(ref movesInFlight));
    }

    /// <summary>
    /// Reads the deal of a contract that may be closing, while the returned task's caller syncs it. The read is made
    /// only when no other close is being synced, no move is in flight and no other such read is out; null when it was
    /// not made (or failed). Dispose it once the sync has stored what it planned.
    /// </summary>
    public CloseRead BeginClose(long leadId, CancellationToken cancellationToken)
    {
        var alone = Interlocked.Increment(ref closesInFlight) == 1;
        return new CloseRead(alone ? TryReadAsync(leadId, cancellationToken) : Task.FromResult<SeenLead?>(null), new Scope(() => Interlocked.Decrement(ref closesInFlight)));
    }

    /// <summary>Reads the deal when no move and no other such read is in flight; null when it did not (or could not).</summary>
    public async Task<SeenLead?> TryReadAsync(long leadId, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref movesInFlight) > 0 || Interlocked.CompareExchange(ref readsInFlight, 1, 0) != 0)
        {
            return null;
        }

        try
        {
            var leads = await kommo.GetLeadsAsync([leadId], cancellationToken);
            return leads.FirstOrDefault(l => l.Id == leadId) is { } lead ? new SeenLead(lead.PipelineId, lead.StatusId, time.GetUtcNow()) : null;
        }
        catch (UpstreamException)
        {
            return null;
        }
        finally
        {
            Volatile.Write(ref readsInFlight, 0);
        }
    }

    /// <summary>Whether a move may use <paramref name="seen"/> instead of reading its deal.</summary>
    public bool IsFresh(SeenLead? seen) => seen is not null && time.GetUtcNow() - seen.At <= FreshFor;

    /// <summary>A close being synced: the read of its deal, if one was made, until disposed.</summary>
    public sealed class CloseRead(Task<SeenLead?> seen, IDisposable closing) : IDisposable
    {
        public Task<SeenLead?> Seen { get; } = seen;

        public void Dispose() => closing.Dispose();
    }

    /// <summary>Runs its end once, however often it is disposed.</summary>
    private sealed class Scope(Action end) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                end();
            }
        }
    }
}
