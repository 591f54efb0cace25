namespace ContractBridge.Engine.Storage.Postgres;

/// <summary>
/// PostgreSQL's schema steps, applied under an advisory lock so that instances starting together take turns.
/// Version 1 once also made the service's own table and version 3 added a column to it; those moved to the service's
/// schema module, which adopts the table where a database already has it (the one edit of released steps: a database
/// that ran them keeps what they made, and one made now gets the same from the module).
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>The advisory lock key every ContractBridge migrator takes ("CBMIGRAT" in ASCII).</summary>
    public const long LockKey = 0x43424D4947524154;

    public static readonly IReadOnlyList<SchemaStep> All =
    [
        new(1, "inbox, jobs, dead letters, key/value state, named leases", """
            CREATE TABLE received_events (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                source text NOT NULL,
                dedupe_key text NOT NULL UNIQUE,
                summary text NOT NULL,
                content_type text NOT NULL,
                payload text NOT NULL,
                received_at timestamptz NOT NULL,
                job_count integer NOT NULL
            );

            CREATE TABLE jobs (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind text NOT NULL,
                key text NOT NULL,
                payload text NOT NULL,
                status text NOT NULL CHECK (status IN ('Pending', 'Running', 'Succeeded', 'Dead')),
                attempts integer NOT NULL DEFAULT 0,
                next_attempt_at timestamptz NOT NULL,
                lease_owner text,
                lease_expires_at timestamptz,
                last_error text,
                event_id bigint,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL
            );
            -- Partial indexes keep the claim queries on the small active set however many jobs have succeeded.
            CREATE INDEX jobs_active_by_kind ON jobs (kind, id) WHERE status IN ('Pending', 'Running');
            CREATE INDEX jobs_active_by_key ON jobs (key, id, status) WHERE status IN ('Pending', 'Running');
            CREATE INDEX jobs_by_status ON jobs (status, id);

            CREATE TABLE dead_letters (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                job_id bigint NOT NULL REFERENCES jobs (id),
                attempts integer NOT NULL,
                error text NOT NULL,
                dead_at timestamptz NOT NULL,
                replayed_at timestamptz
            );
            CREATE INDEX dead_letters_by_job ON dead_letters (job_id);

            CREATE TABLE key_values (
                key text PRIMARY KEY,
                value text NOT NULL,
                updated_at timestamptz NOT NULL
            );

            CREATE TABLE named_leases (
                name text PRIMARY KEY,
                owner text NOT NULL,
                expires_at timestamptz NOT NULL
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
                instance_id text PRIMARY KEY,
                started_at timestamptz NOT NULL,
                beat_at timestamptz NOT NULL,
                alive_until timestamptz NOT NULL
            );
            """),
        new(5, "jobs carry the traceparent of the span that stored them", """
            ALTER TABLE jobs ADD COLUMN trace_parent text;
            """),
        // A job's subject (the deal it is about) is what a person looks it up by: its history lists by it, newest first.
        new(6, "jobs carry their subject, listed by it", """
            ALTER TABLE jobs ADD COLUMN subject text;
            CREATE INDEX jobs_by_subject ON jobs (subject, id) WHERE subject IS NOT NULL;
            """),
    ];
}
