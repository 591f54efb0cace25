using ContractBridge.Engine.Storage;

namespace ContractBridge.Contracts;

/// <summary>
/// The contract_links table, as a schema module of the engine's database (the engine knows nothing of it). Releases
/// before the module made it as engine version 1 and added deal_name as engine version 3: a database they made holds the
/// table already, so each dialect's held-version query reads which of the module's versions are in place (the later ones
/// too, so a database that lost its bookkeeping is read as it is), and only the rest run. Steps 1 and 2 are those engine versions, word for word; 3 to 5 were the module's own from the start.
/// </summary>
public static class ContractLinkSchema
{
    public const string Name = "contract-links";

    public static readonly SchemaModule Module = new(
        Name,
        new SchemaModuleSteps(
            [
                new(1, "contract links: one active contract per lead", """
                    CREATE TABLE contract_links (
                        id INTEGER PRIMARY KEY,
                        lead_id INTEGER NOT NULL,
                        workflow_id TEXT,
                        ironclad_number TEXT,
                        template_name TEXT NOT NULL,
                        rule_name TEXT NOT NULL,
                        state TEXT NOT NULL,
                        paused INTEGER NOT NULL DEFAULT 0,
                        ironclad_updated_at INTEGER,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL,
                        launch_job_id INTEGER
                    );
                    -- At most one active contract per lead, enforced by the database whatever the code does.
                    CREATE UNIQUE INDEX contract_links_one_active_per_lead ON contract_links (lead_id) WHERE state <> 'Cancelled';
                    CREATE UNIQUE INDEX contract_links_by_workflow ON contract_links (workflow_id);
                    """),
                new(2, "contract links keep the deal's name", """
                    ALTER TABLE contract_links ADD COLUMN deal_name TEXT;
                    """),
                // Search is by prefix on ordered indexes (ContractLinkSearch says why). lower() folds only ASCII here: the
                // names of links made before this step are folded so; the store writes the key of every new name itself.
                new(3, "contract links searchable by deal name, IC number and lead", """
                    ALTER TABLE contract_links ADD COLUMN deal_name_key TEXT;
                    UPDATE contract_links SET deal_name_key = lower(deal_name) WHERE deal_name IS NOT NULL;
                    CREATE INDEX contract_links_by_deal_name ON contract_links (deal_name_key, id);
                    CREATE INDEX contract_links_by_number ON contract_links (ironclad_number, id);
                    CREATE INDEX contract_links_by_lead ON contract_links (lead_id, id);
                    """),
                // Each state a link takes, when the bridge recorded it: a deal's story shows them. A link's present state
                // is its history's start for links made before this step.
                new(4, "contract link states, kept as they change", """
                    CREATE TABLE contract_link_states (
                        id INTEGER PRIMARY KEY,
                        lead_id INTEGER NOT NULL,
                        workflow_id TEXT,
                        ironclad_number TEXT,
                        state TEXT NOT NULL,
                        paused INTEGER NOT NULL,
                        ironclad_updated_at INTEGER,
                        recorded_at INTEGER NOT NULL
                    );
                    CREATE INDEX contract_link_states_by_lead ON contract_link_states (lead_id, id);
                    INSERT INTO contract_link_states (lead_id, workflow_id, ironclad_number, state, paused, ironclad_updated_at, recorded_at)
                    SELECT lead_id, workflow_id, ironclad_number, state, paused, ironclad_updated_at, updated_at FROM contract_links ORDER BY id;
                    """),
                // The overview counts contracts by state on every view: without it that is a scan of every row and a sort
                // of them by state (0.4-0.7 s for a million); with it, a scan of this index alone (about 0.06 s).
                new(5, "contract links counted by state", """
                    CREATE INDEX contract_links_by_state ON contract_links (state);
                    """),
            ],
            HeldVersionSql: """
                SELECT CASE
                    WHEN NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'contract_links') THEN 0
                    WHEN EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'contract_links_by_state') THEN 5
                    WHEN EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'contract_link_states') THEN 4
                    WHEN EXISTS (SELECT 1 FROM pragma_table_info('contract_links') WHERE name = 'deal_name_key') THEN 3
                    WHEN EXISTS (SELECT 1 FROM pragma_table_info('contract_links') WHERE name = 'deal_name') THEN 2
                    ELSE 1
                END;
                """),
        new SchemaModuleSteps(
            [
                new(1, "contract links: one active contract per lead", """
                    CREATE TABLE contract_links (
                        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        lead_id bigint NOT NULL,
                        workflow_id text UNIQUE,
                        ironclad_number text,
                        template_name text NOT NULL,
                        rule_name text NOT NULL,
                        state text NOT NULL,
                        paused boolean NOT NULL DEFAULT false,
                        ironclad_updated_at timestamptz,
                        created_at timestamptz NOT NULL,
                        updated_at timestamptz NOT NULL,
                        launch_job_id bigint
                    );
                    -- At most one active contract per lead, enforced by the database whatever the instances do.
                    CREATE UNIQUE INDEX contract_links_one_active_per_lead ON contract_links (lead_id) WHERE state <> 'Cancelled';
                    """),
                new(2, "contract links keep the deal's name", """
                    ALTER TABLE contract_links ADD COLUMN deal_name TEXT;
                    """),
                // COLLATE "C": byte order, so a prefix is one range of the index whatever the database's collation.
                new(3, "contract links searchable by deal name, IC number and lead", """
                    ALTER TABLE contract_links ADD COLUMN deal_name_key text COLLATE "C";
                    UPDATE contract_links SET deal_name_key = lower(deal_name) WHERE deal_name IS NOT NULL;
                    CREATE INDEX contract_links_by_deal_name ON contract_links (deal_name_key, id);
                    CREATE INDEX contract_links_by_number ON contract_links ((ironclad_number COLLATE "C"), id);
                    CREATE INDEX contract_links_by_lead ON contract_links (lead_id, id);
                    """),
                new(4, "contract link states, kept as they change", """
                    CREATE TABLE contract_link_states (
                        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        lead_id bigint NOT NULL,
                        workflow_id text,
                        ironclad_number text,
                        state text NOT NULL,
                        paused boolean NOT NULL,
                        ironclad_updated_at timestamptz,
                        recorded_at timestamptz NOT NULL
                    );
                    CREATE INDEX contract_link_states_by_lead ON contract_link_states (lead_id, id);
                    INSERT INTO contract_link_states (lead_id, workflow_id, ironclad_number, state, paused, ironclad_updated_at, recorded_at)
                    SELECT lead_id, workflow_id, ironclad_number, state, paused, ironclad_updated_at, updated_at FROM contract_links ORDER BY id;
                    """),
                new(5, "contract links counted by state", """
                    CREATE INDEX contract_links_by_state ON contract_links (state);
                    """),
            ],
            // to_regclass follows the search path, as the store's own statements do.
            HeldVersionSql: """
                SELECT CASE
                    WHEN to_regclass('contract_links') IS NULL THEN 0
                    WHEN to_regclass('contract_links_by_state') IS NOT NULL THEN 5
                    WHEN to_regclass('contract_link_states') IS NOT NULL THEN 4
                    WHEN EXISTS (
                        SELECT 1 FROM pg_attribute
                        WHERE attrelid = to_regclass('contract_links') AND attname = 'deal_name_key' AND NOT attisdropped) THEN 3
                    WHEN EXISTS (
                        SELECT 1 FROM pg_attribute
                        WHERE attrelid = to_regclass('contract_links') AND attname = 'deal_name' AND NOT attisdropped) THEN 2
                    ELSE 1
                END;
                """));
}
