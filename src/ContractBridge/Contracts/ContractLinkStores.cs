using ContractBridge.Contracts.Postgres;
using ContractBridge.Contracts.Sqlite;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Contracts;

/// <summary>
/// The link store for the engine's store: links live in the same database, and their writes share its transactions.
/// Choosing by the store itself (which the engine chose from the storage options) means the two can never disagree.
/// </summary>
public static class ContractLinkStores
{
    public static IContractLinkStore For(IBridgeStore store) =>
        StoreAlongside.For<IContractLinkStore>(store, sqlite => new SqliteContractLinkStore(sqlite), postgres => new PostgresContractLinkStore(postgres), "Contract links");
}
