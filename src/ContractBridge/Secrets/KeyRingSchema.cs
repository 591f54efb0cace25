using ContractBridge.Engine.Storage;

namespace ContractBridge.Secrets;

/// <summary>
/// The data_protection_keys table: Data Protection's key ring, one row per XML element (a key or a revocation), each
/// protected by the master key. Rows are inserted by whichever instance creates a key and read by all; the only change
/// to a row is the master key rotation's re-protection of that one row (compare-and-set on its text).
/// </summary>
public static class KeyRingSchema
{
    public const string Name = "data-protection-keys";

    public static readonly SchemaModule Module = new(
        Name,
        new SchemaModuleSteps(
            [
                new(1, "data protection key ring, one row per element", """
                    CREATE TABLE data_protection_keys (
                        id INTEGER PRIMARY KEY,
                        friendly_name TEXT,
                        xml TEXT NOT NULL,
                        created_at INTEGER NOT NULL
                    );
                    """),
            ]),
        new SchemaModuleSteps(
            [
                new(1, "data protection key ring, one row per element", """
                    CREATE TABLE data_protection_keys (
                        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        friendly_name text,
                        xml text NOT NULL,
                        created_at timestamptz NOT NULL
                    );
                    """),
            ]));
}
