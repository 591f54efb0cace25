using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using static ContractBridge.Contracts.ContractLinkSql;

namespace ContractBridge.Contracts.Postgres;

/// <summary>
/// Contract links in the engine's PostgreSQL database, shared by every instance. Writes that store jobs run in the
/// engine's transactions (<see cref="PostgresBridgeStore.WriteAsync{T}"/>), so the jobs commit with the change and wake
/// this instance's workers after; racing instances meet at the partial unique index and at row and advisory locks. Each
/// state a link takes is copied into its history by the same statement or transaction (<see cref="ContractStorySql.RecordState"/>).
/// </summary>
public sealed partial class PostgresContractLinkStore(PostgresBridgeStore store) : IContractLinkStore
{
    public async Task<ReservationOutcome> ReserveAsync(long leadId, string templateName, string ruleName, long jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Racing reservations meet at the partial unique index: one insert wins, the others see its row. The loop covers
        // the rare case where the winner's link is cancelled between our conflict and our read.
        for (var attempt = 0; ; attempt++)
        {
            // The reservation and its first state are one statement: the history's row is written only by the insert that won.
            await using var insert = store.CreateCommand($"""
                WITH reserved AS (
                    INSERT INTO {Table} (lead_id, template_name, rule_name, state, paused, created_at, updated_at, launch_job_id)
                    VALUES (@lead, @template, @rule, '{Launching}', false, @now, @now, @job)
                    ON CONFLICT (lead_id) WHERE state <> '{nameof(ContractState.Cancelled)}' DO NOTHING
                    RETURNING {Columns}),
                history AS (
                    INSERT INTO {ContractStorySql.StatesTable} (lead_id, workflow_id, ironclad_number, state, paused, ironclad_updated_at, recorded_at)
                    SELECT lead_id, workflow_id, ironclad_number, state, paused, ironclad_updated_at, @now FROM reserved)
                SELECT {Columns} FROM reserved;
                """);
            insert.Parameters.AddWithValue("lead", leadId);
            insert.Parameters.AddWithValue("template", templateName);
            insert.Parameters.AddWithValue("rule", ruleName);
            insert.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
            insert.Parameters.AddWithValue("job", jobId);
            if ((await PostgresLinkRows.ReadAsync(insert, cancellationToken)).SingleOrDefault() is { } reserved)
            {
                return new ReservationOutcome(ReservationStatus.Reserved, reserved);
            }

            if (await FindLinkAsync(ActiveByLead, leadId, cancellationToken) is { } active)
            {
                return LinkReservation.Existing(active, jobId);
            }

            if (attempt >= 5)
            {
                throw new InvalidOperationException($"Could not reserve lead {leadId}: its active link kept changing.");
            }
        }
    }

    public Task CompleteLaunchAsync(LaunchRecord launch, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync(async (scope, token) =>
        {
            await using var update = scope.Command($"""
                UPDATE {Table}
                SET workflow_id = @workflow, ironclad_number = @number, deal_name = @deal, deal_name_key = @deal_key,
                    state = CASE state WHEN '{Launching}' THEN '{nameof(ContractState.Created)}' ELSE state END,
                    ironclad_updated_at = GREATEST(ironclad_updated_at, @updated),
                    updated_at = @now
                WHERE lead_id = @lead AND launch_job_id = @job AND state <> '{nameof(ContractState.Cancelled)}';
                """);
            update.Parameters.AddWithValue("workflow", launch.WorkflowId);
            update.Parameters.AddWithValue("number", launch.IroncladNumber);
            update.Parameters.AddWithValue("deal", (object?)launch.DealName ?? DBNull.Value);
            update.Parameters.AddWithValue("deal_key", (object?)ContractLinkSearch.NameKey(launch.DealName) ?? DBNull.Value);
            update.Parameters.AddWithValue("updated", DbTime.ToUtcDateTime(launch.IroncladUpdatedAt));
            update.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
            update.Parameters.AddWithValue("lead", launch.LeadId);
            update.Parameters.AddWithValue("job", launch.JobId);
            if (await update.ExecuteNonQueryAsync(token) == 0)
            {
                throw LinkReservation.NotReserved(launch.LeadId, launch.JobId);
            }

            await RecordStateAsync(scope, ContractStorySql.ReservedBy, now, token, ("lead", launch.LeadId), ("job", launch.JobId));
            await scope.InsertJobsAsync(followUps, now, token);
            return 0;
        }, cancellationToken);

    public async Task ReleaseReservationAsync(long leadId, long jobId, CancellationToken cancellationToken)
    {
        await using var delete = store.CreateCommand(ReleaseReservation);
        delete.Parameters.AddWithValue("lead", leadId);
        delete.Parameters.AddWithValue("job", jobId);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<ContractLink> AdoptAsync(ContractLink link, CancellationToken cancellationToken) =>
        store.WriteAsync(async (scope, token) =>
        {
            // Serialise adoptions of one lead so "look, then insert" cannot race with itself.
            await using (var lockLead = scope.Command("SELECT pg_advisory_xact_lock(hashtextextended('lead:' || @lead, 0));"))
            {
                lockLead.Parameters.AddWithValue("lead", link.LeadId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await lockLead.ExecuteNonQueryAsync(token);
            }

            if (await FindLinkAsync(scope, ByWorkflow, link.WorkflowId, token) is { } known)
            {
                return known;
            }

            // Another active contract, or a launch still under way (it records its own answer and note): leave it be.
            if (await FindLinkAsync(scope, ActiveByLead, link.LeadId, token) is { } active)
            {
                return active;
            }

            await using var write = scope.Command(Adopt);
            PostgresLinkRows.AddAdoptParameters(write, link);
            var adopted = (await PostgresLinkRows.ReadAsync(write, token)).Single();
            await RecordStateAsync(scope, "workflow_id = @workflow", link.UpdatedAt, token, ("workflow", link.WorkflowId));
            return adopted;
        }, cancellationToken);

    public Task<ContractLink?> ApplyStateAsync(string workflowId, ContractState state, bool paused, DateTimeOffset ironcladUpdatedAt, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync(async (scope, token) =>
        {
            // FOR UPDATE: two events for one workflow (a webhook and the reconciler) decide one after the other.
            var before = await FindLinkAsync(scope, $"{ByWorkflow} FOR UPDATE", workflowId, token);
            var change = LinkStateChanges.Decide(before, state, paused, ironcladUpdatedAt);
            if (change == LinkStateChange.Ignore)
            {
                return null;
            }

            await using var update = scope.Command(ApplyState);
            update.Parameters.AddWithValue("state", state.ToString());
            update.Parameters.AddWithValue("paused", paused);
            update.Parameters.AddWithValue("updated", DbTime.ToUtcDateTime(ironcladUpdatedAt));
            update.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
            update.Parameters.AddWithValue("workflow", workflowId);
            await update.ExecuteNonQueryAsync(token);
            if (change == LinkStateChange.TimestampOnly)
            {
                return null;
            }

            await RecordStateAsync(scope, "workflow_id = @workflow", now, token, ("workflow", workflowId));
            await scope.InsertJobsAsync(followUps, now, token);
            return before;
        }, cancellationToken);

    public Task<ContractLink?> FindActiveByLeadAsync(long leadId, CancellationToken cancellationToken) =>
        FindLinkAsync(ActiveByLead, leadId, cancellationToken);

    public Task<ContractLink?> FindByWorkflowAsync(string workflowId, CancellationToken cancellationToken) =>
        FindLinkAsync(ByWorkflow, workflowId, cancellationToken);

    public async Task<IReadOnlyDictionary<long, ContractLink>> FindLatestByLeadsAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand($"SELECT {Columns} FROM {Table} WHERE lead_id = ANY(@leads) ORDER BY id;");
        command.Parameters.AddWithValue("leads", leadIds.Distinct().ToArray());
        return LatestPerLead(await PostgresLinkRows.ReadAsync(command, cancellationToken));
    }

    public async Task<IReadOnlyList<ContractLink>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand(ListNewest);
        command.Parameters.AddWithValue("limit", limit);
        return await PostgresLinkRows.ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ContractLink>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand(ListOpen);
        return await PostgresLinkRows.ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<ContractState, long>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand(CountByState);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<ContractState, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[Enum.Parse<ContractState>(reader.GetString(0))] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>Reads one link on a pooled connection, outside any transaction.</summary>
    private async Task<ContractLink?> FindLinkAsync(string filter, object? value, CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand(Find(filter));
        return await PostgresLinkRows.FindAsync(command, value, cancellationToken);
    }

    /// <summary>Reads one link inside <paramref name="scope"/>'s transaction.</summary>
    private static async Task<ContractLink?> FindLinkAsync(PostgresWriteScope scope, string filter, object? value, CancellationToken cancellationToken)
    {
        await using var command = scope.Command(Find(filter));
        return await PostgresLinkRows.FindAsync(command, value, cancellationToken);
    }
}
