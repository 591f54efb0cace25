using System.Threading.RateLimiting;

namespace ContractBridge.Upstream.Budget;

/// <summary>A permit of the fleet budget: nothing to give back (a spent permit counts for its span whatever happens).</summary>
internal sealed class BudgetLease(bool acquired) : RateLimitLease
{
    public static readonly BudgetLease Acquired = new(true);

    public static readonly BudgetLease Refused = new(false);

    public override bool IsAcquired { get; } = acquired;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }
}
