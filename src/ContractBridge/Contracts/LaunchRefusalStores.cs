using ContractBridge.Contracts.Postgres;
using ContractBridge.Contracts.Sqlite;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Contracts;

/// <summary>The refusal store for the engine's store, in the same database (as <see cref="ContractLinkStores"/>).</summary>
public static class LaunchRefusalStores
{
    public static ILaunchRefusalStore For(IBridgeStore store) =>
        StoreAlongside.For<ILaunchRefusalStore>(store, sqlite => new SqliteLaunchRefusalStore(sqlite), postgres => new PostgresLaunchRefusalStore(postgres), "Launch refusals");
}
