using System.Text.Json;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;
using static ContractBridge.Contracts.ContractLinkSql;

namespace ContractBridge.Contracts.Sqlite;

/// <summary>A deal's contracts and their states, the contract search, and the state history each write keeps.</summary>
public sealed partial class SqliteContractLinkStore
{
    public Task<IReadOnlyList<ContractLink>> ListByLeadAsync(long leadId, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<ContractLink>>(connection =>
        {
            using var command = SqliteLinkRows.Command(connection, null, ContractStorySql.ByLead);
            command.Parameters.AddWithValue("@lead", leadId);
            return SqliteLinkRows.Read(command);
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, ContractLink>> FindByWorkflowsAsync(IReadOnlyCollection<string> workflowIds, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyDictionary<string, ContractLink>>(connection =>
        {
            using var command = SqliteLinkRows.Command(connection, null, $"SELECT {Columns} FROM {Table} WHERE workflow_id IN (SELECT value FROM json_each(@workflows));");
            command.Parameters.AddWithValue("@workflows", JsonSerializer.Serialize(workflowIds.Distinct()));
            return SqliteLinkRows.Read(command).ToDictionary(l => l.WorkflowId!, StringComparer.Ordinal);
        }, cancellationToken);

    public Task<IReadOnlyList<ContractStateChange>> ListStateChangesAsync(long leadId, long beforeId, int limit, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<ContractStateChange>>(connection =>
        {
            using var command = SqliteLinkRows.Command(connection, null, ContractStorySql.StatesByLead);
            command.Parameters.AddWithValue("@lead", leadId);
            command.Parameters.AddWithValue("@before", beforeId);
            command.Parameters.AddWithValue("@limit", limit);
            return SqliteLinkRows.ReadStates(command);
        }, cancellationToken);

    public async Task<IReadOnlyList<ContractLink>> SearchAsync(string query, int limit, CancellationToken cancellationToken) =>
        (await SearchPageAsync(query, null, limit, cancellationToken)).Links;

    public Task<ContractSearchPage> SearchPageAsync(string query, ContractSearchCursor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (ContractLinkSearch.For(query) is not { } search)
        {
            return Task.FromResult(new ContractSearchPage([], null));
        }

        var bounds = ContractStorySql.Bounds(search, after, limit);
        return store.ReadAsync(connection =>
        {
            using var command = SqliteLinkRows.Command(connection, null, ContractStorySql.Search(ContractStorySql.SqliteByteOrder));
            command.Parameters.AddWithValue("@lead", SqliteLinkRows.Nullable(search.LeadId));
            command.Parameters.AddWithValue("@lead_before", bounds.LeadBefore);
            command.Parameters.AddWithValue("@lead_limit", bounds.LeadLimit);
            command.Parameters.AddWithValue("@number_from", search.NumberFrom);
            command.Parameters.AddWithValue("@number_to", search.NumberTo);
            command.Parameters.AddWithValue("@number_after", bounds.NumberAfter.Key);
            command.Parameters.AddWithValue("@number_after_id", bounds.NumberAfter.Id);
            command.Parameters.AddWithValue("@number_limit", bounds.NumberLimit);
            command.Parameters.AddWithValue("@name_from", search.NameFrom);
            command.Parameters.AddWithValue("@name_to", search.NameTo);
            command.Parameters.AddWithValue("@name_after", bounds.NameAfter.Key);
            command.Parameters.AddWithValue("@name_after_id", bounds.NameAfter.Id);
            command.Parameters.AddWithValue("@name_limit", bounds.NameLimit);
            return ContractStorySql.Merge(SqliteLinkRows.ReadSearched(command), limit);
        }, cancellationToken);
    }

    public Task<ContractListPage> ListPageAsync(long beforeId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return store.ReadAsync(connection =>
        {
            using var command = SqliteLinkRows.Command(connection, null, ContractStorySql.ListBefore);
            command.Parameters.AddWithValue("@before", beforeId);
            command.Parameters.AddWithValue("@limit", limit + 1);
            return ContractStorySql.Page(SqliteLinkRows.ReadSearched(command)[0], limit);
        }, cancellationToken);
    }

    /// <summary>Copies the state of the links <paramref name="filter"/> finds into their history, inside the write.</summary>
    private static void RecordState(SqliteWriteScope scope, string filter, DateTimeOffset now, params (string Name, object? Value)[] values)
    {
        using var record = scope.Command(ContractStorySql.RecordState(filter));
        record.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
        foreach (var (name, value) in values)
        {
            record.Parameters.AddWithValue(name, SqliteLinkRows.Nullable(value));
        }

        record.ExecuteNonQuery();
    }
}
