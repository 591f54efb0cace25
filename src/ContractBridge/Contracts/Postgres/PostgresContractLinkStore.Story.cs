using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using NpgsqlTypes;
using static ContractBridge.Contracts.ContractLinkSql;

namespace ContractBridge.Contracts.Postgres;

/// <summary>A deal's contracts and their states, the contract search, and the state history each write keeps.</summary>
public sealed partial class PostgresContractLinkStore
{
    public async Task<IReadOnlyList<ContractLink>> ListByLeadAsync(long leadId, CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand(ContractStorySql.ByLead);
        command.Parameters.AddWithValue("lead", leadId);
        return await PostgresLinkRows.ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, ContractLink>> FindByWorkflowsAsync(IReadOnlyCollection<string> workflowIds, CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand($"SELECT {Columns} FROM {Table} WHERE workflow_id = ANY(@workflows);");
        command.Parameters.AddWithValue("workflows", workflowIds.Distinct().ToArray());
        return (await PostgresLinkRows.ReadAsync(command, cancellationToken)).ToDictionary(l => l.WorkflowId!, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<ContractStateChange>> ListStateChangesAsync(long leadId, long beforeId, int limit, CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand(ContractStorySql.StatesByLead);
        command.Parameters.AddWithValue("lead", leadId);
        command.Parameters.AddWithValue("before", beforeId);
        command.Parameters.AddWithValue("limit", limit);
        return await PostgresLinkRows.ReadStatesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ContractLink>> SearchAsync(string query, int limit, CancellationToken cancellationToken) =>
        (await SearchPageAsync(query, null, limit, cancellationToken)).Links;

    public async Task<ContractSearchPage> SearchPageAsync(string query, ContractSearchCursor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (ContractLinkSearch.For(query) is not { } search)
        {
            return new ContractSearchPage([], null);
        }

        // One round trip: the three statements travel together and come back as three results.
        var bounds = ContractStorySql.Bounds(search, after, limit);
        await using var command = store.CreateCommand(ContractStorySql.Search(ContractStorySql.PostgresByteOrder));
        command.Parameters.AddWithValue("lead", NpgsqlDbType.Bigint, (object?)search.LeadId ?? DBNull.Value);
        command.Parameters.AddWithValue("lead_before", bounds.LeadBefore);
        command.Parameters.AddWithValue("lead_limit", bounds.LeadLimit);
        command.Parameters.AddWithValue("number_from", search.NumberFrom);
        command.Parameters.AddWithValue("number_to", search.NumberTo);
        command.Parameters.AddWithValue("number_after", bounds.NumberAfter.Key);
        command.Parameters.AddWithValue("number_after_id", bounds.NumberAfter.Id);
        command.Parameters.AddWithValue("number_limit", bounds.NumberLimit);
        command.Parameters.AddWithValue("name_from", search.NameFrom);
        command.Parameters.AddWithValue("name_to", search.NameTo);
        command.Parameters.AddWithValue("name_after", bounds.NameAfter.Key);
        command.Parameters.AddWithValue("name_after_id", bounds.NameAfter.Id);
        command.Parameters.AddWithValue("name_limit", bounds.NameLimit);
        return ContractStorySql.Merge(await PostgresLinkRows.ReadSearchedAsync(command, cancellationToken), limit);
    }

    public async Task<ContractListPage> ListPageAsync(long beforeId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = store.CreateCommand(ContractStorySql.ListBefore);
        command.Parameters.AddWithValue("before", beforeId);
        command.Parameters.AddWithValue("limit", limit + 1);
        return ContractStorySql.Page((await PostgresLinkRows.ReadSearchedAsync(command, cancellationToken))[0], limit);
    }

    /// <summary>Copies the state of the links <paramref name="filter"/> finds into their history, inside the transaction.</summary>
    private static async Task RecordStateAsync(PostgresWriteScope scope, string filter, DateTimeOffset now, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        await using var record = scope.Command(ContractStorySql.RecordState(filter));
        record.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
        foreach (var (name, value) in values)
        {
            record.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await record.ExecuteNonQueryAsync(cancellationToken);
    }
}
