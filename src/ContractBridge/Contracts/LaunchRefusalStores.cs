using ContractBridge.Contracts.Postgres;
using ContractBridge.Contracts.Sqlite;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Engine.Storage.Sqlite;

namespace ContractBridge.Contracts;

/// <summary>The refusal store for the engine's store, in the same database (as <see cref="ContractLinkStores"/>).</summary>
public static class LaunchRefusalStores
{
    public static ILaunchRefusalStore For(IBridgeStore store) => store switch
    {
        SqliteBridgeStore sqlite => new SqliteLaunchRefusalStore(sqlite),
        PostgresBridgeStore postgres => new PostgresLaunchRefusalStore(postgres),
        _ => throw new NotSupportedException($"Launch refusals need the engine's SQLite or PostgreSQL store; {store.GetType().Name} is neither."),
    };
}
