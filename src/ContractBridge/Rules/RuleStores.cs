using ContractBridge.Engine.Storage;
using ContractBridge.Rules.Postgres;
using ContractBridge.Rules.Sqlite;

namespace ContractBridge.Rules;

/// <summary>The rule store in the engine's own database (as <see cref="Audit.AuditLogs"/>).</summary>
public static class RuleStores
{
    public static IRuleStore For(IBridgeStore store) =>
        StoreAlongside.For<IRuleStore>(store, sqlite => new SqliteRuleStore(sqlite), postgres => new PostgresRuleStore(postgres), "Stored rules");
}
