using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using static ContractBridge.Contracts.ContractLinkSql;

namespace ContractBridge.Contracts.Sqlite;

/// <summary>
/// Contract links in the engine's SQLite file. Every write runs on the engine's single writer (<see cref="SqliteBridgeStore.WriteAsync{T}"/>),
/// so "look, then insert" cannot race, and the jobs a change stores commit with it and wake their workers after. Each
/// state a link takes is copied into its history in the same write (<see cref="ContractStorySql.RecordState"/>).
/// </summary>
public sealed partial class SqliteContractLinkStore(SqliteBridgeStore store) : IContractLinkStore
{
    public Task<ReservationOutcome> ReserveAsync(long leadId, string templateName, string ruleName, long jobId, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            // One writer: reading then inserting cannot race here; the partial unique index still guards the rule.
            if (FindLink(scope.Connection, scope.Transaction, ActiveByLead, leadId) is { } active)
            {
                return LinkReservation.Existing(active, jobId);
            }

            using var insert = scope.Command($"""
                INSERT INTO {Table} (lead_id, template_name, rule_name, state, paused, created_at, updated_at, launch_job_id)
                VALUES (@lead, @template, @rule, '{Launching}', 0, @now, @now, @job)
                RETURNING {Columns};
                """);
            insert.Parameters.AddWithValue("@lead", leadId);
            insert.Parameters.AddWithValue("@template", templateName);
            insert.Parameters.AddWithValue("@rule", ruleName);
            insert.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
            insert.Parameters.AddWithValue("@job", jobId);
            var reserved = SqliteLinkRows.Read(insert).Single();
            RecordState(scope, ContractStorySql.ReservedBy, now, ("@lead", leadId), ("@job", jobId));
            return new ReservationOutcome(ReservationStatus.Reserved, reserved);
        }, cancellationToken);

    public Task CompleteLaunchAsync(LaunchRecord launch, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            using var update = scope.Command($"""
                UPDATE {Table}
                SET workflow_id = @workflow, ironclad_number = @number, deal_name = @deal, deal_name_key = @deal_key,
                    state = CASE state WHEN '{Launching}' THEN '{nameof(ContractState.Created)}' ELSE state END,
                    ironclad_updated_at = CASE WHEN ironclad_updated_at IS NULL OR ironclad_updated_at < @updated
                                               THEN @updated ELSE ironclad_updated_at END,
                    updated_at = @now
                WHERE lead_id = @lead AND launch_job_id = @job AND state <> '{nameof(ContractState.Cancelled)}';
                """);
            update.Parameters.AddWithValue("@workflow", launch.WorkflowId);
            update.Parameters.AddWithValue("@number", launch.IroncladNumber);
            update.Parameters.AddWithValue("@deal", SqliteLinkRows.Nullable(launch.DealName));
            update.Parameters.AddWithValue("@deal_key", SqliteLinkRows.Nullable(ContractLinkSearch.NameKey(launch.DealName)));
            update.Parameters.AddWithValue("@updated", DbTime.ToMicroseconds(launch.IroncladUpdatedAt));
            update.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
            update.Parameters.AddWithValue("@lead", launch.LeadId);
            update.Parameters.AddWithValue("@job", launch.JobId);
            if (update.ExecuteNonQuery() == 0)
            {
                throw LinkReservation.NotReserved(launch.LeadId, launch.JobId);
            }

            RecordState(scope, ContractStorySql.ReservedBy, now, ("@lead", launch.LeadId), ("@job", launch.JobId));
            scope.InsertJobs(followUps, now);
            return 0;
        }, cancellationToken);

    public Task ReleaseReservationAsync(long leadId, long jobId, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            using var delete = scope.Command(ReleaseReservation);
            delete.Parameters.AddWithValue("@lead", leadId);
            delete.Parameters.AddWithValue("@job", jobId);
            return delete.ExecuteNonQuery();
        }, cancellationToken);

    public Task<ContractLink> AdoptAsync(ContractLink link, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            if (FindLink(scope.Connection, scope.Transaction, ByWorkflow, link.WorkflowId) is { } known)
            {
                return known;
            }

            // Another active contract, or a launch still under way (it records its own answer and note): leave it be.
            if (FindLink(scope.Connection, scope.Transaction, ActiveByLead, link.LeadId) is { } active)
            {
                return active;
            }

            using var insert = scope.Command(Adopt);
            SqliteLinkRows.AddAdoptParameters(insert, link);
            var adopted = SqliteLinkRows.Read(insert).Single();
            RecordState(scope, "workflow_id = @workflow", link.UpdatedAt, ("@workflow", link.WorkflowId));
            return adopted;
        }, cancellationToken);

    public Task<ContractLink?> ApplyStateAsync(string workflowId, ContractState state, bool paused, DateTimeOffset ironcladUpdatedAt, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            var before = FindLink(scope.Connection, scope.Transaction, ByWorkflow, workflowId);
            var change = LinkStateChanges.Decide(before, state, paused, ironcladUpdatedAt);
            if (change == LinkStateChange.Ignore)
            {
                return null;
            }

            using var update = scope.Command(ApplyState);
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

            RecordState(scope, "workflow_id = @workflow", now, ("@workflow", workflowId));
            scope.InsertJobs(followUps, now);
            return before;
        }, cancellationToken);

    public Task<ContractLink?> FindActiveByLeadAsync(long leadId, CancellationToken cancellationToken) =>
        store.ReadAsync(connection => FindLink(connection, null, ActiveByLead, leadId), cancellationToken);

    public Task<ContractLink?> FindByWorkflowAsync(string workflowId, CancellationToken cancellationToken) =>
        store.ReadAsync(connection => FindLink(connection, null, ByWorkflow, workflowId), cancellationToken);

    public Task<IReadOnlyDictionary<long, ContractLink>> FindLatestByLeadsAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken) =>
        store.ReadAsync(connection =>
        {
            // The ids travel as one JSON array: no limit on how many, one statement.
            using var command = SqliteLinkRows.Command(connection, null, $"SELECT {Columns} FROM {Table} WHERE lead_id IN (SELECT value FROM json_each(@leads)) ORDER BY id;");
            command.Parameters.AddWithValue("@leads", System.Text.Json.JsonSerializer.Serialize(leadIds.Distinct()));
            return LatestPerLead(SqliteLinkRows.Read(command));
        }, cancellationToken);

    public Task<IReadOnlyList<ContractLink>> ListAsync(int limit, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<ContractLink>>(connection =>
        {
            using var command = SqliteLinkRows.Command(connection, null, ListNewest);
            command.Parameters.AddWithValue("@limit", limit);
            return SqliteLinkRows.Read(command);
        }, cancellationToken);

    public Task<IReadOnlyList<ContractLink>> ListOpenAsync(CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<ContractLink>>(connection =>
        {
            using var command = SqliteLinkRows.Command(connection, null, ListOpen);
            return SqliteLinkRows.Read(command);
        }, cancellationToken);

    public Task<IReadOnlyDictionary<ContractState, long>> CountByStateAsync(CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyDictionary<ContractState, long>>(connection =>
        {
            using var command = SqliteLinkRows.Command(connection, null, CountByState);
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
        using var command = SqliteLinkRows.Command(connection, transaction, Find(filter));
        command.Parameters.AddWithValue("@value", SqliteLinkRows.Nullable(value));
        return SqliteLinkRows.Read(command).SingleOrDefault();
    }
}
