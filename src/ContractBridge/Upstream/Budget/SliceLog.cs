namespace ContractBridge.Upstream.Budget;

/// <summary>
/// The arithmetic of a bucket's log of slices, shared by the SQLite store (which runs it in the writer's transaction)
/// and, for what a lease answers, the PostgreSQL store (whose single statement does the same in SQL).
/// </summary>
public static class SliceLog
{
    /// <summary>
    /// Settles the owner's previous slice, drops what no longer counts, and grants from the rest: the log (oldest first)
    /// after the lease, with the new slice if any.
    /// </summary>
    public static (IReadOnlyList<BudgetSlice> Log, BudgetGrant Grant) Lease(IReadOnlyList<BudgetSlice> log, DateTimeOffset? holdUntil, BudgetRequest request)
    {
        var kept = log.Select(s => Settled(s, request)).Where(s => s.Permits > 0 && s.CountsUntil > request.Now).ToList();
        var used = kept.Sum(s => s.Permits);
        var held = holdUntil > request.Now;
        var granted = held ? 0 : Math.Max(0, Math.Min(request.Want, request.Limit - used));
        if (granted > 0)
        {
            kept.Add(new BudgetSlice(request.Owner, request.Now, granted, request.CountsUntil));
        }

        return (kept, new BudgetGrant(granted, NextFreeAt(kept, holdUntil, request), held ? holdUntil : null));
    }

    /// <summary>When a lease after this one can next grant a permit (see <see cref="BudgetGrant.NextFreeAt"/>).</summary>
    public static DateTimeOffset NextFreeAt(IReadOnlyList<BudgetSlice> kept, DateTimeOffset? holdUntil, BudgetRequest request)
    {
        var free = request.Now;
        if (kept.Sum(s => s.Permits) >= request.Limit)
        {
            // Every slice kept holds at least one permit: the first to stop counting frees one.
            free = kept.Min(s => s.CountsUntil);
        }

        return holdUntil is { } hold && hold > free ? hold : free;
    }

    private static BudgetSlice Settled(BudgetSlice slice, BudgetRequest request) =>
        request.Settle is { } settle && slice.Owner == request.Owner && slice.GrantedAt == settle.GrantedAt
            ? slice with
            {
                Permits = Math.Min(slice.Permits, settle.Used),
                CountsUntil = settle.CountsUntil < slice.CountsUntil ? settle.CountsUntil : slice.CountsUntil,
            }
            : slice;
}
