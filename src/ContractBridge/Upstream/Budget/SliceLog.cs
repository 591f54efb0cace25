namespace ContractBridge.Upstream.Budget;

/// <summary>
/// The arithmetic of a bucket's log of slices, shared by the SQLite store (which runs it in the writer's transaction)
/// and, for what a lease answers, the PostgreSQL store (whose single statement does the same in SQL).
/// </summary>
public static class SliceLog
{
    /// <summary>Grants from <paramref name="log"/> (oldest first): the slices still counting, plus the new one if any.</summary>
    public static (IReadOnlyList<BudgetSlice> Log, BudgetGrant Grant) Lease(IReadOnlyList<BudgetSlice> log, DateTimeOffset? holdUntil, BudgetRequest request)
    {
        var kept = log.Where(s => s.GrantedAt > request.Since).ToList();
        var used = kept.Sum(s => s.Permits);
        var held = holdUntil > request.Now;
        var granted = held ? 0 : Math.Max(0, Math.Min(request.Want, request.Limit - used));
        if (granted > 0)
        {
            kept.Add(new BudgetSlice(request.Now, granted));
        }

        return (kept, new BudgetGrant(granted, NextFreeAt(kept, holdUntil, request), held ? holdUntil : null));
    }

    /// <summary>When a lease after this one can next grant a permit (see <see cref="BudgetGrant.NextFreeAt"/>).</summary>
    public static DateTimeOffset NextFreeAt(IReadOnlyList<BudgetSlice> kept, DateTimeOffset? holdUntil, BudgetRequest request)
    {
        var free = request.Now;
        if (kept.Sum(s => s.Permits) >= request.Limit)
        {
            // The log is oldest first, and every slice holds at least one permit: the oldest one's end frees one.
            free = kept.Min(s => s.GrantedAt) + request.Span;
        }

        return holdUntil is { } hold && hold > free ? hold : free;
    }
}
