using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealActions;

/// <summary>
/// The read a close needs of its deal (is it still where the bridge may move it from?), made beside the read of the
/// contract's workflow when nothing would be gathered with it. One deal closing waits for two round trips instead of
/// three (workflow and deal side by side, then the move). Only the contract of one deal is read so at a time: while
/// another deal's contract is being synced, or moves are being written, the moves of many contracts read their deals
/// together, a call for up to 250 (<see cref="StageMoveHandler"/>), where a read per deal here would cost a Kommo call
/// each. Ironclad tells of one signing several times (signatures collected, fully signed, updated); the syncs of one
/// deal share its read, so whichever of them stores the close hands the move that read. A failed read is no failure:
/// the move reads the deal itself.
/// </summary>
public sealed class CloseLeadReads(KommoClient kommo, TimeProvider time)
{
    /// <summary>
    /// How old a read may be for a move to trust it. A move made at once is a few milliseconds behind its read; one
    /// retried or queued behind others reads the deal again, as every move did before.
    /// </summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(2);

    private static readonly Task<SeenLead?> NotRead = Task.FromResult<SeenLead?>(null);

    private readonly Lock gate = new();
    private readonly Dictionary<long, int> closing = [];
    private int movesInFlight;
    private (long LeadId, Task<SeenLead?> Read)? current;

    /// <summary>Marks a batch of moves in flight until disposed: no read is made beside a workflow meanwhile.</summary>
    public IDisposable MovesInFlight()
    {
        Interlocked.Increment(ref movesInFlight);
        return new Scope(() => Interlocked.Decrement(ref movesInFlight));
    }

    /// <summary>
    /// A sync of a contract that may be closing its deal begins. The deal is read beside it when no other deal's close is
    /// being synced and no move is in flight, or the read another sync of the same deal made is shared; otherwise
    /// <see cref="CloseRead.Seen"/> is null. Dispose it once the sync has stored what it planned.
    /// </summary>
    public CloseRead BeginClose(long leadId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            closing[leadId] = closing.GetValueOrDefault(leadId) + 1;
            var end = new Scope(() => EndClose(leadId));
            if (current is { } shared && shared.LeadId == leadId)
            {
                return new CloseRead(shared.Read, end);
            }

            if (current is not null || closing.Count > 1 || Volatile.Read(ref movesInFlight) > 0)
            {
                return new CloseRead(NotRead, end);
            }

            var read = ReadAsync(leadId, cancellationToken);
            current = (leadId, read);
            return new CloseRead(read, end);
        }
    }

    /// <summary>Whether a move may use <paramref name="seen"/> instead of reading its deal.</summary>
    public bool IsFresh(SeenLead? seen) => seen is not null && time.GetUtcNow() - seen.At <= FreshFor;

    private void EndClose(long leadId)
    {
        lock (gate)
        {
            if (--closing[leadId] > 0)
            {
                return;
            }

            closing.Remove(leadId);
            if (current?.LeadId == leadId)
            {
                current = null;
            }
        }
    }

    private async Task<SeenLead?> ReadAsync(long leadId, CancellationToken cancellationToken)
    {
        try
        {
            var leads = await kommo.GetLeadsAsync([leadId], cancellationToken);
            return leads.FirstOrDefault(l => l.Id == leadId) is { } lead ? new SeenLead(lead.PipelineId, lead.StatusId, time.GetUtcNow()) : null;
        }
        catch (UpstreamException)
        {
            return null;
        }
    }

    /// <summary>A close being synced: the read of its deal, if one was made, until disposed.</summary>
    public sealed class CloseRead(Task<SeenLead?> seen, IDisposable end) : IDisposable
    {
        public Task<SeenLead?> Seen { get; } = seen;

        public void Dispose() => end.Dispose();
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
