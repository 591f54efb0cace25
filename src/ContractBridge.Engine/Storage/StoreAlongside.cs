using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Engine.Storage.Sqlite;

namespace ContractBridge.Engine.Storage;

/// <summary>
/// A service's own store in the engine's database: chosen by the engine's store itself (which the engine chose from the
/// storage options), so the two can never be on different databases, and the service's writes can share its
/// transactions.
/// </summary>
public static class StoreAlongside
{
    /// <param name="what">What needs the store, for the error: "Contract links", "Rate budgets".</param>
    public static T For<T>(IBridgeStore store, Func<SqliteBridgeStore, T> sqlite, Func<PostgresBridgeStore, T> postgres, string what) => store switch
    {
        SqliteBridgeStore s => sqlite(s),
        PostgresBridgeStore p => postgres(p),
        _ => throw new NotSupportedException($"{what} need the engine's SQLite or PostgreSQL store; {store.GetType().Name} is neither."),
    };
}
