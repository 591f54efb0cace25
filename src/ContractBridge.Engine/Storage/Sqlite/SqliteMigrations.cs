namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>SQLite's schema steps. Instants are INTEGER microseconds since the Unix epoch (see <see cref="DbTime"/>).</summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "inbox, jobs, dead letters, contract links, key/value state, named leases", """
            CREATE TABLE received_events (
                id INTEGER PRIMARY KEY,
                source TEXT NOT NULL,
                dedupe_key TEXT NOT NULL UNIQUE,
                summary TEXT NOT NULL,
                content_type TEXT NOT NULL,
                payload TEXT NOT NULL,
                received_at INTEGER NOT NULL,
                job_count INTEGER NOT NULL
            );

            -- AUTOINCREMENT: ids are never reused, since dead letters, links and logs refer to them.
            CREATE TABLE jobs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                payload TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('Pending', 'Running', 'Succeeded', 'Dead')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                lease_owner TEXT,
                lease_expires_at INTEGER,
                last_error TEXT,
                event_id INTEGER,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            -- Partial indexes keep the claim queries on the small active set however many jobs have succeeded.
            CREATE INDEX jobs_active_by_kind ON jobs (kind, id) WHERE status IN ('Pending', 'Running');
            CREATE INDEX jobs_active_by_key ON jobs (key, id, status) WHERE status IN ('Pending', 'Running');
            CREATE INDEX jobs_by_status ON jobs (status, id);

            CREATE TABLE dead_letters (
                id INTEGER PRIMARY KEY,
                job_id INTEGER NOT NULL,
                attempts INTEGER NOT NULL,
                error TEXT NOT NULL,
                dead_at INTEGER NOT NULL,
                replayed_at INTEGER
            );
            CREATE INDEX dead_letters_by_job ON dead_letters (job_id);

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

            CREATE TABLE key_values (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                updated_at INTEGER NOT NULL
            );

            CREATE TABLE named_leases (
                name TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                expires_at INTEGER NOT NULL
            );
            """),
        new(2, "indexes for retention: jobs by event, events and jobs by age", """
            CREATE INDEX jobs_by_event ON jobs (event_id);
            CREATE INDEX received_events_by_time ON received_events (received_at);
            CREATE INDEX jobs_succeeded_by_time ON jobs (updated_at) WHERE status = 'Succeeded';
            """),
        new(3, "contract links keep the deal's name", """
            ALTER TABLE contract_links ADD COLUMN deal_name TEXT;
            """),
    ];
}
