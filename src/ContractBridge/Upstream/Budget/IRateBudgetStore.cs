namespace ContractBridge.Upstream.Budget;

/// <summary>
/// The fleet's rate budgets in the shared store, one row per upstream bucket. Each call is one store round trip (one
/// statement on PostgreSQL, one transaction of the writer on SQLite), and the rows outlive every process.
/// </summary>
public interface IRateBudgetStore
{
    /// <summary>Grants up to <see cref="BudgetRequest.Want"/> permits, if the bucket's log and hold allow, and records them.</summary>
    Task<BudgetGrant> LeaseAsync(BudgetRequest request, CancellationToken cancellationToken);

    /// <summary>Holds the bucket for the whole fleet until <paramref name="until"/> (a later hold in force is kept).</summary>
    Task HoldAsync(string bucket, DateTimeOffset until, CancellationToken cancellationToken);
}
