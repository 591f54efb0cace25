using ContractBridge.Engine.Storage;

namespace ContractBridge.Flows.Story;

/// <summary>
/// The deal_writes table, a schema module of the engine's database: one row per item Kommo accepted, read by lead newest
/// first (the index on lead and id) and purged by age (the index on at).
/// </summary>
public static class DealWriteSchema
{
    public const string Name = "deal-writes";

    /// <summary>Rows one purge statement deletes at most.</summary>
    public const int PurgeBatch = 5_000;

    /// <summary>One batch of the purge, on the index on at.</summary>
    public const string PurgeSql = "DELETE FROM deal_writes WHERE id IN (SELECT id FROM deal_writes WHERE at < @before LIMIT @batch);";

    public static readonly SchemaModule Module = new(
        Name,
        new SchemaModuleSteps(
            [
                new(1, "deal writes: what the bridge wrote on each deal in Kommo", """
                    CREATE TABLE deal_writes (
                        id INTEGER PRIMARY KEY,
                        lead_id INTEGER NOT NULL,
                        at INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        detail TEXT NOT NULL
                    );
                    CREATE INDEX ix_deal_writes_lead ON deal_writes (lead_id, id);
                    CREATE INDEX ix_deal_writes_at ON deal_writes (at);
                    """),
            ]),
        new SchemaModuleSteps(
            [
                new(1, "deal writes: what the bridge wrote on each deal in Kommo", """
                    CREATE TABLE deal_writes (
                        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        lead_id bigint NOT NULL,
                        at timestamptz NOT NULL,
                        kind text NOT NULL,
                        detail text NOT NULL
                    );
                    CREATE INDEX ix_deal_writes_lead ON deal_writes (lead_id, id);
                    CREATE INDEX ix_deal_writes_at ON deal_writes (at);
                    """),
            ]));
}
