using ContractBridge.Engine.Storage;

namespace ContractBridge.Upstream.Budget;

/// <summary>
/// Brings the database's schema up to date once, before the first lease or hold. The service migrates at start anyway;
/// this is for the commands that call the upstreams without opening the database (`check`, `webhooks register`): their
/// calls draw from the fleet budget too, so they need its table. Migrating is idempotent and safe beside a running service.
/// </summary>
public sealed class MigratedFirstRateBudgetStore(IBridgeStore store, IRateBudgetStore inner) : IRateBudgetStore
{
    private readonly Lazy<Task> migrated = new(() => store.MigrateAsync(CancellationToken.None));

    public async Task<BudgetGrant> LeaseAsync(BudgetRequest request, CancellationToken cancellationToken)
    {
        await migrated.Value.WaitAsync(cancellationToken);
        return await inner.LeaseAsync(request, cancellationToken);
    }

    public async Task HoldAsync(string bucket, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await migrated.Value.WaitAsync(cancellationToken);
        await inner.HoldAsync(bucket, until, cancellationToken);
    }
}
