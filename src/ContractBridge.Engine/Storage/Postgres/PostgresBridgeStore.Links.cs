using System.Data.Common;
using ContractBridge.Engine.Contracts;
using ContractBridge.Engine.Jobs;
using Npgsql;

namespace ContractBridge.Engine.Storage.Postgres;

public sealed partial class PostgresBridgeStore
{
    private const string LinkColumns =
        "lead_id, workflow_id, ironclad_number, template_name, rule_name, state, paused, ironclad_updated_at, created_at, updated_at, launch_job_id, deal_name";

    private const string ActiveByLead = "lead_id = @value AND state <> 'Cancelled'";

    public async Task<ReservationOutcome> ReserveAsync(long leadId, string templateName, string ruleName, long jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Racing reservations meet at the partial unique index: one insert wins, the others see its row. The loop covers
        // the rare case where the winner's link is cancelled between our conflict and our read.
        for (var attempt = 0; ; attempt++)
        {
            await using var insert = Command($"""
                INSERT INTO contract_links (lead_id, template_name, rule_name, state, paused, created_at, updated_at, launch_job_id)
                VALUES (@lead, @template, @rule, 'Launching', false, @now, @now, @job)
                ON CONFLICT (lead_id) WHERE state <> 'Cancelled' DO NOTHING
                RETURNING {LinkColumns};
                """);
            insert.Parameters.AddWithValue("lead", leadId);
            insert.Parameters.AddWithValue("template", templateName);
            insert.Parameters.AddWithValue("rule", ruleName);
            insert.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
            insert.Parameters.AddWithValue("job", jobId);
            if ((await ReadLinksAsync(insert, cancellationToken)).SingleOrDefault() is { } reserved)
            {
                return new ReservationOutcome(ReservationStatus.Reserved, reserved);
            }

            if (await FindLinkAsync(null, ActiveByLead, leadId, cancellationToken) is { } active)
            {
                return LinkReservation.Existing(active, jobId);
            }

            if (attempt >= 5)
            {
                throw new InvalidOperationException($"Could not reserve lead {leadId}: its active link kept changing.");
            }
        }
    }

    public Task CompleteLaunchAsync(long leadId, long jobId, string workflowId, string ironcladNumber, string? dealName, DateTimeOffset ironcladUpdatedAt, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken) =>
        InTransactionAsync(async connection =>
        {
            await using var update = new NpgsqlCommand("""
                UPDATE contract_links
                SET workflow_id = @workflow, ironclad_number = @number, deal_name = @deal,
                    state = CASE state WHEN 'Launching' THEN 'Created' ELSE state END,
                    ironclad_updated_at = GREATEST(ironclad_updated_at, @updated),
                    updated_at = @now
                WHERE lead_id = @lead AND launch_job_id = @job AND state <> 'Cancelled';
                """, connection);
            update.Parameters.AddWithValue("workflow", workflowId);
            update.Parameters.AddWithValue("number", ironcladNumber);
            update.Parameters.AddWithValue("deal", (object?)dealName ?? DBNull.Value);
            update.Parameters.AddWithValue("updated", DbTime.ToUtcDateTime(ironcladUpdatedAt));
            update.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
            update.Parameters.AddWithValue("lead", leadId);
            update.Parameters.AddWithValue("job", jobId);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw LinkReservation.NotReserved(leadId, jobId);
            }

            await PostgresJobInserts.InsertAsync(connection, followUps, now, cancellationToken);
            return 0;
        }, cancellationToken);

    public async Task ReleaseReservationAsync(long leadId, long jobId, CancellationToken cancellationToken)
    {
        await using var delete = Command("DELETE FROM contract_links WHERE lead_id = @lead AND launch_job_id = @job AND state = 'Launching';");
        delete.Parameters.AddWithValue("lead", leadId);
        delete.Parameters.AddWithValue("job", jobId);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<ContractLink> AdoptAsync(ContractLink link, CancellationToken cancellationToken) =>
        InTransactionAsync(async connection =>
        {
            // Serialise adoptions of one lead so "look, then insert" cannot race with itself.
            await using (var lockLead = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('lead:' || @lead, 0));", connection))
            {
                lockLead.Parameters.AddWithValue("lead", link.LeadId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await lockLead.ExecuteNonQueryAsync(cancellationToken);
            }

            if (await FindLinkAsync(connection, "workflow_id = @value", link.WorkflowId, cancellationToken) is { } known)
            {
                return known;
            }

            // Another active contract, or a launch still under way (it records its own answer and note): leave it be.
            if (await FindLinkAsync(connection, ActiveByLead, link.LeadId, cancellationToken) is { } active)
            {
                return active;
            }

            await using var write = new NpgsqlCommand($"""
                INSERT INTO contract_links ({LinkColumns})
                VALUES (@lead, @workflow, @number, @template, @rule, @state, @paused, @updated, @created, @now, @job, @deal)
                RETURNING {LinkColumns};
                """, connection);
            write.Parameters.AddWithValue("lead", link.LeadId);
            write.Parameters.AddWithValue("workflow", (object?)link.WorkflowId ?? DBNull.Value);
            write.Parameters.AddWithValue("number", (object?)link.IroncladNumber ?? DBNull.Value);
            write.Parameters.AddWithValue("template", link.TemplateName);
            write.Parameters.AddWithValue("rule", link.RuleName);
            write.Parameters.AddWithValue("state", link.State.ToString());
            write.Parameters.AddWithValue("paused", link.Paused);
            write.Parameters.AddWithValue("updated", link.IroncladUpdatedAt is { } updated ? DbTime.ToUtcDateTime(updated) : DBNull.Value);
            write.Parameters.AddWithValue("created", DbTime.ToUtcDateTime(link.CreatedAt));
            write.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(link.UpdatedAt));
            write.Parameters.AddWithValue("job", (object?)link.LaunchJobId ?? DBNull.Value);
            write.Parameters.AddWithValue("deal", (object?)link.DealName ?? DBNull.Value);
            return (await ReadLinksAsync(write, cancellationToken)).Single();
        }, cancellationToken);

    public Task<ContractLink?> ApplyStateAsync(string workflowId, ContractState state, bool paused, DateTimeOffset ironcladUpdatedAt, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken) =>
        InTransactionAsync(async connection =>
        {
            // FOR UPDATE: two events for one workflow (a webhook and the reconciler) decide one after the other.
            var before = await FindLinkAsync(connection, "workflow_id = @value FOR UPDATE", workflowId, cancellationToken);
            var change = LinkStateChanges.Decide(before, state, paused, ironcladUpdatedAt);
            if (change == LinkStateChange.Ignore)
            {
                return null;
            }

            await using var update = new NpgsqlCommand("""
                UPDATE contract_links SET state = @state, paused = @paused, ironclad_updated_at = @updated, updated_at = @now
                WHERE workflow_id = @workflow;
                """, connection);
            update.Parameters.AddWithValue("state", state.ToString());
            update.Parameters.AddWithValue("paused", paused);
            update.Parameters.AddWithValue("updated", DbTime.ToUtcDateTime(ironcladUpdatedAt));
            update.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
            update.Parameters.AddWithValue("workflow", workflowId);
            await update.ExecuteNonQueryAsync(cancellationToken);
            if (change == LinkStateChange.TimestampOnly)
            {
                return null;
            }

            await PostgresJobInserts.InsertAsync(connection, followUps, now, cancellationToken);
            return before;
        }, cancellationToken);

    public Task<ContractLink?> FindActiveByLeadAsync(long leadId, CancellationToken cancellationToken) =>
        FindLinkAsync(null, ActiveByLead, leadId, cancellationToken);

    public Task<ContractLink?> FindByWorkflowAsync(string workflowId, CancellationToken cancellationToken) =>
        FindLinkAsync(null, "workflow_id = @value", workflowId, cancellationToken);

    public async Task<IReadOnlyList<ContractLink>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {LinkColumns} FROM contract_links ORDER BY id DESC LIMIT @limit;");
        command.Parameters.AddWithValue("limit", limit);
        return await ReadLinksAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ContractLink>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var command = Command($"""
            SELECT {LinkColumns} FROM contract_links
            WHERE workflow_id IS NOT NULL AND state NOT IN ('Launching', 'Executed', 'Cancelled')
            ORDER BY id;
            """);
        return await ReadLinksAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<ContractState, long>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT state, COUNT(*) FROM contract_links GROUP BY state;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<ContractState, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[Enum.Parse<ContractState>(reader.GetString(0))] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>Reads one link, inside <paramref name="connection"/>'s transaction when given, else on a pooled connection.</summary>
    private async Task<ContractLink?> FindLinkAsync(NpgsqlConnection? connection, string filter, object? value, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {LinkColumns} FROM contract_links WHERE {filter};";
        await using var command = connection is null ? Command(sql) : new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value ?? DBNull.Value);
        return (await ReadLinksAsync(command, cancellationToken)).SingleOrDefault();
    }

    private static async Task<List<ContractLink>> ReadLinksAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var links = new List<ContractLink>();
        while (await reader.ReadAsync(cancellationToken))
        {
            links.Add(new ContractLink(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                Enum.Parse<ContractState>(reader.GetString(5)),
                reader.GetBoolean(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetInt64(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return links;
    }
}
