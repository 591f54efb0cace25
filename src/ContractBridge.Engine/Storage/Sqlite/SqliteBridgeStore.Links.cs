using ContractBridge.Engine.Contracts;
using ContractBridge.Engine.Jobs;
using Microsoft.Data.Sqlite;

namespace ContractBridge.Engine.Storage.Sqlite;

public sealed partial class SqliteBridgeStore
{
    private const string LinkColumns =
        "lead_id, workflow_id, ironclad_number, template_name, rule_name, state, paused, ironclad_updated_at, created_at, updated_at, launch_job_id, deal_name";

    public Task<ReservationOutcome> ReserveAsync(long leadId, string templateName, string ruleName, long jobId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            // One writer: reading then inserting cannot race here; the partial unique index still guards the rule.
            var active = FindLink(connection, transaction, "lead_id = @value AND state <> 'Cancelled'", leadId);
            if (active is not null)
            {
                return LinkReservation.Existing(active, jobId);
            }

            using var insert = SqliteConnections.Command(connection, transaction, $"""
                INSERT INTO contract_links (lead_id, template_name, rule_name, state, paused, created_at, updated_at, launch_job_id)
                VALUES (@lead, @template, @rule, 'Launching', 0, @now, @now, @job)
                RETURNING {LinkColumns};
                """);
            insert.Parameters.AddWithValue("@lead", leadId);
            insert.Parameters.AddWithValue("@template", templateName);
            insert.Parameters.AddWithValue("@rule", ruleName);
            insert.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
            insert.Parameters.AddWithValue("@job", jobId);
            return new ReservationOutcome(ReservationStatus.Reserved, ReadLinks(insert).Single());
        }, cancellationToken);

    public Task CompleteLaunchAsync(long leadId, long jobId, string workflowId, string ironcladNumber, string? dealName, DateTimeOffset ironcladUpdatedAt, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            using var update = SqliteConnections.Command(connection, transaction, """
                UPDATE contract_links
                SET workflow_id = @workflow, ironclad_number = @number, deal_name = @deal,
                    state = CASE state WHEN 'Launching' THEN 'Created' ELSE state END,
                    ironclad_updated_at = CASE WHEN ironclad_updated_at IS NULL OR ironclad_updated_at < @updated
                                               THEN @updated ELSE ironclad_updated_at END,
                    updated_at = @now
                WHERE lead_id = @lead AND launch_job_id = @job AND state <> 'Cancelled';
                """);
            update.Parameters.AddWithValue("@workflow", workflowId);
            update.Parameters.AddWithValue("@number", ironcladNumber);
            update.Parameters.AddWithValue("@deal", SqliteConnections.Nullable(dealName));
            update.Parameters.AddWithValue("@updated", DbTime.ToMicroseconds(ironcladUpdatedAt));
            update.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
            update.Parameters.AddWithValue("@lead", leadId);
            update.Parameters.AddWithValue("@job", jobId);
            if (update.ExecuteNonQuery() == 0)
            {
                throw LinkReservation.NotReserved(leadId, jobId);
            }

            using var inserter = new SqliteJobInserter(connection, transaction, now);
            inserter.Insert(followUps, eventId: null);
            return 0;
        }, cancellationToken);

    public Task ReleaseReservationAsync(long leadId, long jobId, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            using var delete = SqliteConnections.Command(connection, transaction, """
                DELETE FROM contract_links WHERE lead_id = @lead AND launch_job_id = @job AND state = 'Launching';
                """);
            delete.Parameters.AddWithValue("@lead", leadId);
            delete.Parameters.AddWithValue("@job", jobId);
            return delete.ExecuteNonQuery();
        }, cancellationToken);

    public Task<ContractLink> AdoptAsync(ContractLink link, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            if (FindLink(connection, transaction, "workflow_id = @value", link.WorkflowId) is { } known)
            {
                return known;
            }

            // Another active contract, or a launch still under way (it records its own answer and note): leave it be.
            if (FindLink(connection, transaction, "lead_id = @value AND state <> 'Cancelled'", link.LeadId) is { } active)
            {
                return active;
            }

            using var insert = SqliteConnections.Command(connection, transaction, $"""
                INSERT INTO contract_links ({LinkColumns})
                VALUES (@lead, @workflow, @number, @template, @rule, @state, @paused, @updated, @created, @now, @job, @deal)
                RETURNING {LinkColumns};
                """);
            AddAdoptParameters(insert, link);
            return ReadLinks(insert).Single();
        }, cancellationToken);

    public Task<ContractLink?> ApplyStateAsync(string workflowId, ContractState state, bool paused, DateTimeOffset ironcladUpdatedAt, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            var before = FindLink(connection, transaction, "workflow_id = @value", workflowId);
            var change = LinkStateChanges.Decide(before, state, paused, ironcladUpdatedAt);
            if (change == LinkStateChange.Ignore)
            {
                return null;
            }

            using var update = SqliteConnections.Command(connection, transaction, """
                UPDATE contract_links SET state = @state, paused = @paused, ironclad_updated_at = @updated, updated_at = @now
                WHERE workflow_id = @workflow;
                """);
            update.Parameters.AddWithValue("@state", state.ToString());
            update.Parameters.AddWithValue("@paused", paused);
            update.Parameters.AddWithValue("@updated", DbTime.ToMicroseconds(ironcladUpdatedAt));
            update.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
            update.Parameters.AddWithValue("@workflow", workflowId);
            update.ExecuteNonQuery();
            if (change == LinkStateChange.TimestampOnly)
            {
                return null;
            }

            using var inserter = new SqliteJobInserter(connection, transaction, now);
            inserter.Insert(followUps, eventId: null);
            return before;
        }, cancellationToken);

    public Task<ContractLink?> FindActiveByLeadAsync(long leadId, CancellationToken cancellationToken) =>
        ReadAsync(connection => FindLink(connection, null, "lead_id = @value AND state <> 'Cancelled'", leadId), cancellationToken);

    public Task<ContractLink?> FindByWorkflowAsync(string workflowId, CancellationToken cancellationToken) =>
        ReadAsync(connection => FindLink(connection, null, "workflow_id = @value", workflowId), cancellationToken);

    public Task<IReadOnlyList<ContractLink>> ListAsync(int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ContractLink>>(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, $"SELECT {LinkColumns} FROM contract_links ORDER BY id DESC LIMIT @limit;");
            command.Parameters.AddWithValue("@limit", limit);
            return ReadLinks(command);
        }, cancellationToken);

    public Task<IReadOnlyList<ContractLink>> ListOpenAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ContractLink>>(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, $"""
                SELECT {LinkColumns} FROM contract_links
                WHERE workflow_id IS NOT NULL AND state NOT IN ('Launching', 'Executed', 'Cancelled')
                ORDER BY id;
                """);
            return ReadLinks(command);
        }, cancellationToken);

    public Task<IReadOnlyDictionary<ContractState, long>> CountByStateAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyDictionary<ContractState, long>>(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, "SELECT state, COUNT(*) FROM contract_links GROUP BY state;");
            using var reader = command.ExecuteReader();
            var counts = new Dictionary<ContractState, long>();
            while (reader.Read())
            {
                counts[Enum.Parse<ContractState>(reader.GetString(0))] = reader.GetInt64(1);
            }

            return counts;
        }, cancellationToken);

    private static ContractLink? FindLink(SqliteConnection connection, SqliteTransaction? transaction, string filter, object? value)
    {
        using var command = SqliteConnections.Command(connection, transaction, $"SELECT {LinkColumns} FROM contract_links WHERE {filter};");
        command.Parameters.AddWithValue("@value", SqliteConnections.Nullable(value));
        return ReadLinks(command).SingleOrDefault();
    }

    private static void AddAdoptParameters(SqliteCommand command, ContractLink link)
    {
        command.Parameters.AddWithValue("@lead", link.LeadId);
        command.Parameters.AddWithValue("@workflow", SqliteConnections.Nullable(link.WorkflowId));
        command.Parameters.AddWithValue("@number", SqliteConnections.Nullable(link.IroncladNumber));
        command.Parameters.AddWithValue("@template", link.TemplateName);
        command.Parameters.AddWithValue("@rule", link.RuleName);
        command.Parameters.AddWithValue("@state", link.State.ToString());
        command.Parameters.AddWithValue("@paused", link.Paused);
        command.Parameters.AddWithValue("@updated", SqliteConnections.NullableTime(link.IroncladUpdatedAt));
        command.Parameters.AddWithValue("@created", DbTime.ToMicroseconds(link.CreatedAt));
        command.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(link.UpdatedAt));
        command.Parameters.AddWithValue("@job", SqliteConnections.Nullable(link.LaunchJobId));
        command.Parameters.AddWithValue("@deal", SqliteConnections.Nullable(link.DealName));
    }

    private static List<ContractLink> ReadLinks(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var links = new List<ContractLink>();
        while (reader.Read())
        {
            links.Add(new ContractLink(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                Enum.Parse<ContractState>(reader.GetString(5)),
                reader.GetBoolean(6),
                reader.IsDBNull(7) ? null : DbTime.FromMicroseconds(reader.GetInt64(7)),
                DbTime.FromMicroseconds(reader.GetInt64(8)),
                DbTime.FromMicroseconds(reader.GetInt64(9)),
                reader.IsDBNull(10) ? null : reader.GetInt64(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return links;
    }
}
