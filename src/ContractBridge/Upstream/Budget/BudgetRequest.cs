namespace ContractBridge.Upstream.Budget;

/// <summary>A lease of up to <paramref name="Want"/> permits of <paramref name="Bucket"/> at <paramref name="Now"/>.</summary>
/// <param name="Limit">The permits the fleet may hold in any <paramref name="Span"/>.</param>
public sealed record BudgetRequest(string Bucket, int Want, int Limit, DateTimeOffset Now, TimeSpan Span)
{
    /// <summary>Slices granted at or before this no longer count.</summary>
    public DateTimeOffset Since => Now - Span;
}
