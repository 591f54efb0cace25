namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>
/// SQLite's schema steps. Instants are INTEGER microseconds since the Unix epoch (see <see cref="DbTime"/>).
/// Version 1 once also made the service's own table and version 3 added a column to it; those moved to the service's
/// schema module, which adopts the table where a database already has it (the one edit of released steps: a database
/// that ran them keeps what they made, and one made now gets the same from the module).
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<SchemaStep> All =
    [
        new(1, "inbox, jobs, dead letters, key/value state, named leases", """
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

            -- AUTOINCREMENT: ids are never reused, since dead letters, the services' rows and logs refer to them.
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
        // Its work moved to the service's schema module with the table; the version stays, so a database's version
        // means the same engine tables whichever release made them.
        new(3, "(moved to a service's schema module)", string.Empty),
        // Beats let another instance take over a dead one's jobs in seconds instead of after their leases; the
        // lease stays the backstop for owners without a row.
        new(4, "engine instances and their heartbeats", """
            CREATE TABLE engine_instances (
                instance_id TEXT PRIMARY KEY,
                started_at INTEGER NOT NULL,
                beat_at INTEGER NOT NULL,
                alive_until INTEGER NOT NULL
            );
            """),
        new(5, "jobs carry the traceparent of the span that stored them", """
            ALTER TABLE jobs ADD COLUMN trace_parent TEXT;
            """),
        // A job's subject (the deal it is about) is what a person looks it up by: its history lists by it, newest first.
        new(6, "jobs carry their subject, listed by it", """
            ALTER TABLE jobs ADD COLUMN subject TEXT;
            CREATE INDEX jobs_by_subject ON jobs (subject, id) WHERE subject IS NOT NULL;
            """),
    ];
}
