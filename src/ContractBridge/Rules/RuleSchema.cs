using ContractBridge.Engine.Storage;

namespace ContractBridge.Rules;

/// <summary>
/// The rule_versions table, a schema module of the engine's database: every version of every rule made in the dashboard,
/// only ever added to. A rule's current version is its highest; a deletion is a version without a rule. The unique
/// (name_key, version) pair is the optimistic lock: two saves against the same version cannot both add the next one.
/// </summary>
public static class RuleSchema
{
    public const string Name = "rules";

    public static readonly SchemaModule Module = new(
        Name,
        new SchemaModuleSteps(
            [
                new(1, "rules made in the dashboard, every version kept", """
                    CREATE TABLE rule_versions (
                        id INTEGER PRIMARY KEY,
                        name_key TEXT NOT NULL,
                        name TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        at INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        client TEXT,
                        rule_json TEXT,
                        summary TEXT NOT NULL,
                        UNIQUE (name_key, version)
                    );
                    """),
            ]),
        new SchemaModuleSteps(
            [
                new(1, "rules made in the dashboard, every version kept", """
                    CREATE TABLE rule_versions (
                        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        name_key text NOT NULL,
                        name text NOT NULL,
                        version integer NOT NULL,
                        at timestamptz NOT NULL,
                        actor text NOT NULL,
                        client text,
                        rule_json text,
                        summary text NOT NULL,
                        UNIQUE (name_key, version)
                    );
                    """),
            ]));

    /// <summary>Names are unique whatever their case, as <see cref="Flows.RuleBook.Find"/> looks them up.</summary>
    public static string KeyOf(string name) => name.Trim().ToUpperInvariant();
}
