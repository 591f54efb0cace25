namespace ContractBridge.Upstream.Budget;

/// <summary>A lease of up to <paramref name="Want"/> permits of <paramref name="Bucket"/> at <paramref name="Now"/> by <paramref name="Owner"/>.</summary>
/// <param name="Limit">The permits the fleet may hold in any <paramref name="Span"/>.</param>
/// <param name="Settle">The owner's previous slice, settled (null when it has none to settle).</param>
public sealed record BudgetRequest(string Bucket, string Owner, int Want, int Limit, DateTimeOffset Now, TimeSpan Span, SettledSlice? Settle = null)
{
    /// <summary>Until when the slice this lease grants counts, unless it is settled sooner.</summary>
    public DateTimeOffset CountsUntil => Now + Span;
}
