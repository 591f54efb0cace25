using ContractBridge.Engine.Storage;

namespace ContractBridge.Contracts;

/// <summary>The launch_refusals table (one row per deal: its latest refused launch), a schema module of its own.</summary>
public static class LaunchRefusalSchema
{
    public const string Name = "launch-refusals";

    public static readonly SchemaModule Module = new(
        Name,
        new SchemaModuleSteps(
            [
                new(1, "launch refusals: a refused deal is noted once until it changes", """
                    CREATE TABLE launch_refusals (
                        lead_id INTEGER PRIMARY KEY,
                        rule_name TEXT NOT NULL,
                        lead_updated_at INTEGER,
                        refused_at INTEGER NOT NULL
                    );
                    """),
            ]),
        new SchemaModuleSteps(
            [
                new(1, "launch refusals: a refused deal is noted once until it changes", """
                    CREATE TABLE launch_refusals (
                        lead_id bigint PRIMARY KEY,
                        rule_name text NOT NULL,
                        lead_updated_at bigint,
                        refused_at timestamptz NOT NULL
                    );
                    """),
            ]));
}
