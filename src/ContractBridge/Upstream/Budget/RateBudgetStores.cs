using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Engine.Storage.Sqlite;

namespace ContractBridge.Upstream.Budget;

/// <summary>The budget store for the engine's store: the budgets live in the same database, shared as it is.</summary>
public static class RateBudgetStores
{
    public static IRateBudgetStore For(IBridgeStore store) => store switch
    {
        SqliteBridgeStore sqlite => new SqliteRateBudgetStore(sqlite),
        PostgresBridgeStore postgres => new PostgresRateBudgetStore(postgres),
        _ => throw new NotSupportedException($"Rate budgets need the engine's SQLite or PostgreSQL store; {store.GetType().Name} is neither."),
    };
}
