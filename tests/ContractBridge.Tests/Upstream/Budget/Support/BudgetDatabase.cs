using ContractBridge.Engine.Storage;
using ContractBridge.Upstream.Budget;

namespace ContractBridge.Tests.Upstream.Budget.Support;

/// <summary>
/// One test's database with the engine's tables and the rate-budget module. Each <see cref="OpenAsync"/> is a store of
/// its own (an instance of the fleet, or a restarted process), all disposed at the end.
/// </summary>
public sealed class BudgetDatabase(Func<IBridgeStore> open, Func<Task> cleanUp) : IAsyncDisposable
{
    private readonly List<IBridgeStore> opened = [];

    public async Task<(IBridgeStore Store, IRateBudgetStore Budgets)> OpenAsync()
    {
        var store = open();
        opened.Add(store);
        await store.MigrateAsync(CancellationToken.None);
        return (store, RateBudgetStores.For(store));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }

        await cleanUp();
    }
}
