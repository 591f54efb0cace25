using ContractBridge.Engine.Storage;

namespace ContractBridge.Contracts;

/// <summary>
/// The contract_records table (one row per Ironclad record of a bridge contract: its deal, dates, status and renewal
/// task), a schema module of its own. Days are ISO text (2027-12-31) in both dialects.
/// </summary>
public static class ContractRecordSchema
{
    public const string Name = "contract-records";

    public static readonly SchemaModule Module = new(
        Name,
        new SchemaModuleSteps(
            [
                new(1, "contract records: a record's deal, dates, status and renewal task", """
                    CREATE TABLE contract_records (
                        record_id TEXT PRIMARY KEY,
                        lead_id INTEGER NOT NULL,
                        workflow_id TEXT NOT NULL,
                        contract_name TEXT NOT NULL,
                        rule_name TEXT NOT NULL,
                        expiration_date TEXT,
                        contract_status TEXT,
                        enhanced_status TEXT,
                        status_message TEXT,
                        record_updated_at INTEGER NOT NULL,
                        task_id INTEGER,
                        task_expiration TEXT,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE INDEX contract_records_by_lead ON contract_records (lead_id);
                    """),
            ]),
        new SchemaModuleSteps(
            [
                new(1, "contract records: a record's deal, dates, status and renewal task", """
                    CREATE TABLE contract_records (
                        record_id text PRIMARY KEY,
                        lead_id bigint NOT NULL,
                        workflow_id text NOT NULL,
                        contract_name text NOT NULL,
                        rule_name text NOT NULL,
                        expiration_date text,
                        contract_status text,
                        enhanced_status text,
                        status_message text,
                        record_updated_at timestamptz NOT NULL,
                        task_id bigint,
                        task_expiration text,
                        updated_at timestamptz NOT NULL
                    );
                    CREATE INDEX contract_records_by_lead ON contract_records (lead_id);
                    """),
            ]));
}
