using ContractBridge.Engine.Storage;

namespace ContractBridge.Upstream.Budget;

/// <summary>The budget store for the engine's store: the budgets live in the same database, shared as it is.</summary>
public static class RateBudgetStores
{
    public static IRateBudgetStore For(IBridgeStore store) =>
        StoreAlongside.For<IRateBudgetStore>(store, sqlite => new SqliteRateBudgetStore(sqlite), postgres => new PostgresRateBudgetStore(postgres), "Rate budgets");
}
