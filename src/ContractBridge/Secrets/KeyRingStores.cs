using ContractBridge.Engine.Storage;
using ContractBridge.Secrets.Postgres;
using ContractBridge.Secrets.Sqlite;

namespace ContractBridge.Secrets;

/// <summary>The key ring store in the engine's own database (as <see cref="Contracts.ContractLinkStores"/>).</summary>
public static class KeyRingStores
{
    public static IKeyRingStore For(IBridgeStore store) =>
        StoreAlongside.For<IKeyRingStore>(store, sqlite => new SqliteKeyRingStore(sqlite), postgres => new PostgresKeyRingStore(postgres), "The Data Protection key ring");
}
