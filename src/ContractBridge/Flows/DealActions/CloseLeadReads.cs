using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealActions;

/// <summary>
/// The read a close needs of its deal (is it still where the bridge may move it from?), made beside the read of the
/// contract's workflow when nothing would be gathered with it. One deal closing waits for two round trips instead of
/// three (workflow and deal side by side, then the move). While moves are being written, or another such read is out,
/// none is made: the moves of many contracts read their deals together, a call for up to 250 (<see cref="StageMoveHandler"/>),
/// and a read per deal here would cost a Kommo call each. A failed read is no failure: the move reads the deal itself.
/// </summary>
public sealed class CloseLeadReads(KommoClient kommo, TimeProvider time)
{
    /// <summary>
    /// How old a read may be for a move to trust it. A move made at once is a few milliseconds behind its read; one
    /// retried or queued behind others reads the deal again, as every move did before.
    /// </summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(2);

    private int movesInFlight;
    private int readsInFlight;

    /// <summary>Marks a batch of moves in flight until disposed: no read is made beside a workflow meanwhile.</summary>
    public IDisposable MovesInFlight()
    {
        Interlocked.Increment(ref movesInFlight);
        return new MovesDone(this);
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

    private sealed class MovesDone(CloseLeadReads reads) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref reads.movesInFlight);
            }
        }
    }
}
