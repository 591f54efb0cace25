using ContractBridge.Contracts.Postgres;
using ContractBridge.Contracts.Sqlite;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Engine.Storage.Sqlite;

namespace ContractBridge.Contracts;

/// <summary>
/// The link store for the engine's store: links live in the same database, and their writes share its transactions.
/// Choosing by the store itself (which the engine chose from the storage options) means the two can never disagree.
/// </summary>
public static class ContractLinkStores
{
    public static IContractLinkStore For(IBridgeStore store) => store switch
    {
        SqliteBridgeStore sqlite => new SqliteContractLinkStore(sqlite),
        PostgresBridgeStore postgres => new PostgresContractLinkStore(postgres),
        _ => throw new NotSupportedException($"Contract links need the engine's SQLite or PostgreSQL store; {store.GetType().Name} is neither."),
    };
}
