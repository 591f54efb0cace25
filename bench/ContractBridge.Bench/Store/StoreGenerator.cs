using System.Diagnostics;
using System.Globalization;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Triggers;
using ContractBridge.Ironclad.Webhooks;
using Microsoft.Data.Sqlite;

namespace ContractBridge.Bench.Store;

/// <summary>
/// Fills a database the service has made (its own schema, migrated by the service) with a year of history: contract
/// <c>c</c> is launched at 1/N of the way through it, by a Kommo status webhook whose launch job it keeps; every other
/// event is about a contract launched in the month before it, a Kommo lead update (no job, as most are) or an Ironclad
/// event with its sync job. Jobs succeeded, a few after retries, a few are dead with their dead letters. Executed
/// contracts have their record. Bulk-loaded: without a journal, in big transactions of prepared statements, with the
/// big tables' indexes dropped first and made again from the service's own statements at the end, then WAL as the
/// service runs it.
/// </summary>
internal static class StoreGenerator
{
    private const int Batch = 50_000;

    /// <summary>The generated history: a year, longer when there are more events than seconds in it (each event has its own second, so its body its own hash).</summary>
    public static TimeSpan History(long events) => TimeSpan.FromSeconds(Math.Max(365 * 86_400, events + events / 10));

    private static readonly string[] BulkTables = ["received_events", "jobs", "dead_letters", "contract_links", "contract_link_states", "contract_records"];

    private static readonly string[] IroncladEvents =
    [
        IroncladWebhookEvents.WorkflowLaunched, IroncladWebhookEvents.WorkflowStepUpdated, "workflow_updated",
        IroncladWebhookEvents.WorkflowSignaturePacketSent, IroncladWebhookEvents.WorkflowCommentAdded, IroncladWebhookEvents.WorkflowCompleted,
    ];

    public static GeneratedStore Generate(string databasePath, int contracts, long events, DateTimeOffset now)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        foreach (var pragma in (string[])["PRAGMA journal_mode = DELETE;", "PRAGMA journal_mode = OFF;", "PRAGMA synchronous = OFF;", "PRAGMA cache_size = -1000000;", "PRAGMA temp_store = MEMORY;"])
        {
            Execute(connection, pragma);
        }

        if (Scalar(connection, "SELECT (SELECT COUNT(*) FROM contract_links) + (SELECT COUNT(*) FROM received_events) + (SELECT COUNT(*) FROM jobs);") != 0)
        {
            throw new InvalidOperationException($"{databasePath} already holds contracts, events or jobs: the store scenario generates into a database the service has only just made.");
        }

        var indexes = DropIndexes(connection);
        var history = History(events);
        var start = DbTime.ToMicroseconds(now - history);
        var span = (long)(history.TotalMilliseconds * 1000);
        var shape = new Shape(contracts, events, start, span);
        var (jobs, dead, launchJobs) = InsertEvents(connection, shape);
        var links = InsertContracts(connection, shape, now, launchJobs);
        var loaded = clock.Elapsed;
        foreach (var create in indexes)
        {
            Execute(connection, create);
        }

        Execute(connection, "PRAGMA journal_mode = WAL;");
        return new GeneratedStore(contracts, events, jobs, dead, links.States, links.Records, links.Open, loaded.TotalSeconds, (clock.Elapsed - loaded).TotalSeconds);
    }

    /// <summary>When event <c>j</c> was received, and the contract it is about.</summary>
    private sealed record Shape(long Contracts, long Events, long Start, long Span)
    {
        public long EventAt(long j) => Start + (long)((decimal)j * Span / Events);

        /// <summary>The first event of contract c: its launch.</summary>
        public long LaunchEvent(long c) => (long)(((decimal)c * Events + Contracts - 1) / Contracts);

        public long ContractOf(long j) => (long)((decimal)j * Contracts / Events);

        /// <summary>Contracts launched in the 30 days before an event.</summary>
        public long Month => Math.Max(1, Contracts * 30 / 365);
    }

    private static (long States, long Records, long Open) InsertContracts(SqliteConnection connection, Shape shape, DateTimeOffset now, long[] launchJobs)
    {
        using var link = Prepare(connection, "INSERT INTO contract_links (id, lead_id, workflow_id, ironclad_number, template_name, rule_name, state, paused, ironclad_updated_at, created_at, updated_at, launch_job_id, deal_name, deal_name_key) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13);", 14);
        using var state = Prepare(connection, "INSERT INTO contract_link_states (lead_id, workflow_id, ironclad_number, state, paused, ironclad_updated_at, recorded_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6);", 7);
        using var record = Prepare(connection, "INSERT INTO contract_records (record_id, lead_id, workflow_id, contract_name, rule_name, expiration_date, contract_status, enhanced_status, status_message, record_updated_at, task_id, task_expiration, updated_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12);", 13);
        var nowUs = DbTime.ToMicroseconds(now);
        long states = 0, records = 0, open = 0;
        var transaction = connection.BeginTransaction();
        for (long c = 0; c < shape.Contracts; c++)
        {
            if (c % Batch == 0 && c > 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
            }

            var current = StoreRows.State(c, shape.Contracts);
            var paused = StoreRows.Paused(c, current);
            var created = shape.EventAt(shape.LaunchEvent(c)) + 2_000_000;
            var days = StoreRows.IsOpen(current) ? 1 + (long)(StoreRows.Mix(c + 7) % 5) : 3 + (long)(StoreRows.Mix(c + 7) % 40);
            var updated = Math.Min(created + days * 86_400_000_000, nowUs - 60_000_000);
            if (current == ContractState.Signature)
            {
                // Out for signature for less than the nudge period (5 days): a contract out longer would have had its
                // nudges already, as events this generator does not write, and the service would queue them all at start.
                updated = nowUs - (long)(StoreRows.Mix(c + 9) % (4UL * 86_400_000_000));
            }

            updated = Math.Max(updated, created);
            var (template, rule) = StoreRows.Template(c);
            var workflow = StoreRows.WorkflowId(c);
            var number = StoreRows.IroncladNumber(c);
            var lead = StoreRows.LeadId(c);
            var name = StoreRows.DealName(c);
            open += StoreRows.IsOpen(current) ? 1 : 0;
            Run(link, transaction, c + 1, lead, workflow, number, template, rule, current.ToString(), paused, updated, created, updated, launchJobs[c], name, ContractLinkSearch.NameKey(name));
            Run(state, transaction, lead, workflow, number, nameof(ContractState.Created), false, created, created);
            states++;
            if (current != ContractState.Created)
            {
                Run(state, transaction, lead, workflow, number, current.ToString(), paused, updated, updated);
                states++;
            }

            if (current == ContractState.Executed)
            {
                var expires = DateOnly.FromDateTime(DbTime.FromMicroseconds(created).UtcDateTime.AddYears(1));
                var expiring = expires < DateOnly.FromDateTime(now.UtcDateTime.AddDays(60));
                var day = expires.ToString("O", CultureInfo.InvariantCulture);
                Run(record, transaction, StoreRows.RecordId(c), lead, workflow, $"{number} ({template})", rule, day, "active",
                    expiring ? "expiring" : null, expiring ? string.Create(CultureInfo.InvariantCulture, $"Expires on {expires:MMM d, yyyy}") : null, updated, 9_300_000 + c, day, updated);
                records++;
            }
        }

        transaction.Commit();
        transaction.Dispose();
        return (states, records, open);
    }

    private static (long Jobs, long Dead, long[] LaunchJobs) InsertEvents(SqliteConnection connection, Shape shape)
    {
        using var inbound = Prepare(connection, "INSERT INTO received_events (id, source, dedupe_key, summary, content_type, payload, received_at, job_count) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7);", 8);
        using var job = Prepare(connection, "INSERT INTO jobs (id, kind, key, payload, status, attempts, next_attempt_at, last_error, event_id, created_at, updated_at, trace_parent, subject) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12);", 13);
        using var deadLetter = Prepare(connection, "INSERT INTO dead_letters (job_id, attempts, error, dead_at) VALUES (@p0, @p1, @p2, @p3);", 4);
        long jobs = 0, dead = 0;
        var launchJobs = new long[shape.Contracts];
        var transaction = connection.BeginTransaction();
        for (long j = 0; j < shape.Events; j++)
        {
            if (j % Batch == 0 && j > 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
            }

            var at = shape.EventAt(j);
            var seconds = at / 1_000_000;
            var launched = shape.ContractOf(j);
            NewJob? work = null;
            if (shape.LaunchEvent(launched) == j)
            {
                // The deal entered "Send contract": the launch.
                var (_, rule) = StoreRows.Template(launched);
                var body = StoreRows.KommoBody(launched, statusChange: true, StoreRows.SendContractStage, StoreRows.NegotiationStage, seconds, seconds - 86_400 * 20);
                work = new LaunchRequest(StoreRows.LeadId(launched), rule, StoreRows.PipelineId, StoreRows.SendContractStage, "status", seconds).ToJob();
                Run(inbound, transaction, j + 1, "kommo", StoreRows.KommoDedupeKey(body), StoreRows.KommoSummary(launched, true, StoreRows.SendContractStage, 1), "application/x-www-form-urlencoded", body, at, 1);
            }
            else
            {
                var c = Math.Max(0, launched - (long)(StoreRows.Mix(j) % (ulong)shape.Month));
                var roll = StoreRows.Mix(j + shape.Events) % 10;
                if (roll < 3)
                {
                    var eventName = IroncladEvents[(int)(StoreRows.Mix(j + 3) % (ulong)IroncladEvents.Length)];
                    var acted = IroncladTriggers.StateEvents.Contains(eventName);
                    work = acted ? new SyncRequest(StoreRows.WorkflowId(c), eventName).ToJob() : null;
                    var dedupe = $"ironclad:{new Guid((int)(StoreRows.Mix(j) >> 32), (short)j, (short)(j >> 16), BitConverter.GetBytes(StoreRows.Mix(j))):D}";
                    Run(inbound, transaction, j + 1, "ironclad", dedupe, $"{eventName} {StoreRows.WorkflowId(c)}", "application/json", StoreRows.IroncladBody(c, eventName, DbTime.FromMicroseconds(at)), at, acted ? 1 : 0);
                }
                else
                {
                    var stage = roll < 9 ? StoreRows.SendContractStage : StoreRows.WonStage;
                    var body = StoreRows.KommoBody(c, statusChange: roll == 9, stage, StoreRows.SendContractStage, seconds, seconds - 86_400 * 25);
                    Run(inbound, transaction, j + 1, "kommo", StoreRows.KommoDedupeKey(body), StoreRows.KommoSummary(c, roll == 9, stage, 0), "application/x-www-form-urlencoded", body, at, 0);
                }
            }

            if (work is null)
            {
                continue;
            }

            jobs++;
            var id = jobs;
            if (work.Kind == JobKinds.Launch)
            {
                launchJobs[launched] = id;
            }

            var fate = StoreRows.Mix(id + 11) % 1000;
            var attempts = fate < 2 ? 8 : fate < 30 ? 2 : 1;
            var status = fate < 2 ? "Dead" : "Succeeded";
            // Upstream errors begin with the service's name, as the clients write them (the overview counts what waits on which by that).
            var error = fate < 2 ? $"Kommo PATCH /api/v4/leads/{StoreRows.LeadId(launched)}: 400 Bad Request (permanent)" : fate < 30 ? "Ironclad GET /public/api/v1/workflows: 503 Service Unavailable" : null;
            var done = at + 40_000 + (attempts - 1) * 30_000_000L;
            Run(job, transaction, id, work.Kind, work.Key, work.Payload, status, attempts, done, error, j + 1, at, done, StoreRows.TraceParent(id), work.Subject);
            if (status == "Dead")
            {
                Run(deadLetter, transaction, id, attempts, error, done);
                dead++;
            }
        }

        transaction.Commit();
        transaction.Dispose();
        return (jobs, dead, launchJobs);
    }

    /// <summary>Drops the big tables' indexes (not the ones their constraints make) and returns the statements that made them.</summary>
    private static List<string> DropIndexes(SqliteConnection connection)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", BulkTables.Select(t => $"'{t}'"))});";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            Execute(connection, $"DROP INDEX \"{name}\";");
        }

        return [.. indexes.Select(i => i.Sql + ";")];
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"@p{i}", null));
        }

        return command;
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
