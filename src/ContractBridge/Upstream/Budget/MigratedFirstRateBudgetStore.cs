using ContractBridge.Engine.Storage;

namespace ContractBridge.Upstream.Budget;

/// <summary>
/// Brings the database's schema up to date once, before the first lease or hold. The service migrates at start anyway;
/// this is for the commands that call the upstreams without opening the database (`check`, `webhooks register`): their
/// calls draw from the fleet budget too, so they need its table. Migrating is idempotent and safe beside a running service.
/// A migration that failed (the database unreachable at that moment) is not remembered: the next lease tries again, or
/// every upstream call would fail with that old error for the life of the process.
/// </summary>
public sealed class MigratedFirstRateBudgetStore(IBridgeStore store, IRateBudgetStore inner) : IRateBudgetStore
{
    private readonly Lock gate = new();
    private Task? migrated;

    public async Task<BudgetGrant> LeaseAsync(BudgetRequest request, CancellationToken cancellationToken)
    {
        await MigratedAsync(cancellationToken);
        return await inner.LeaseAsync(request, cancellationToken);
    }

    public async Task HoldAsync(string bucket, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await MigratedAsync(cancellationToken);
        await inner.HoldAsync(bucket, until, cancellationToken);
    }

    private Task MigratedAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (migrated is null || migrated.IsFaulted || migrated.IsCanceled)
            {
                migrated = store.MigrateAsync(CancellationToken.None);
            }

            return migrated.WaitAsync(cancellationToken);
        }
    }
}
