using ContractBridge.Engine.Storage;

namespace ContractBridge.Audit;

/// <summary>The audit_log table, a schema module of the engine's database. Rows are only ever added; newest first is by id.</summary>
public static class AuditSchema
{
    public const string Name = "audit-log";

    public static readonly SchemaModule Module = new(
        Name,
        new SchemaModuleSteps(
            [
                new(1, "audit log: who did what, when, from where", """
                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY,
                        at INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        client TEXT
                    );
                    """),
            ]),
        new SchemaModuleSteps(
            [
                new(1, "audit log: who did what, when, from where", """
                    CREATE TABLE audit_log (
                        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        at timestamptz NOT NULL,
                        actor text NOT NULL,
                        action text NOT NULL,
                        detail text NOT NULL,
                        client text
                    );
                    """),
            ]));
}
