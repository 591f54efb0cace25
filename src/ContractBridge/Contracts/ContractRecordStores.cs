using ContractBridge.Contracts.Postgres;
using ContractBridge.Contracts.Sqlite;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Contracts;

/// <summary>The record store for the engine's store, in the same database (as <see cref="ContractLinkStores"/>).</summary>
public static class ContractRecordStores
{
    public static IContractRecordStore For(IBridgeStore store) =>
        StoreAlongside.For<IContractRecordStore>(store, sqlite => new SqliteContractRecordStore(sqlite), postgres => new PostgresContractRecordStore(postgres), "Contract records");
}
