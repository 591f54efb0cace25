using ContractBridge.Engine.Storage;
using ContractBridge.Flows.Story.Postgres;
using ContractBridge.Flows.Story.Sqlite;

namespace ContractBridge.Flows.Story;

/// <summary>The deal-write log for the engine's store, in the same database.</summary>
public static class DealWriteLogs
{
    public static IDealWriteLog For(IBridgeStore store) =>
        StoreAlongside.For<IDealWriteLog>(store, sqlite => new SqliteDealWriteLog(sqlite), postgres => new PostgresDealWriteLog(postgres), "The deal-write log");
}
