using ContractBridge.Audit.Postgres;
using ContractBridge.Audit.Sqlite;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Audit;

/// <summary>The audit log for the engine's store, in the same database.</summary>
public static class AuditLogs
{
    public static IAuditLog For(IBridgeStore store, TimeProvider time) =>
        StoreAlongside.For<IAuditLog>(store, sqlite => new SqliteAuditLog(sqlite, time), postgres => new PostgresAuditLog(postgres, time), "The audit log");
}
