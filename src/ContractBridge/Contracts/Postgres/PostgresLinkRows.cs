using ContractBridge.Engine.Storage;
using Npgsql;

namespace ContractBridge.Contracts.Postgres;

/// <summary>Links to and from PostgreSQL rows: instants are timestamptz, written as UTC (<see cref="DbTime"/>).</summary>
internal static class PostgresLinkRows
{
    public static void AddAdoptParameters(NpgsqlCommand command, ContractLink link)
    {
        command.Parameters.AddWithValue("lead", link.LeadId);
        command.Parameters.AddWithValue("workflow", (object?)link.WorkflowId ?? DBNull.Value);
        command.Parameters.AddWithValue("number", (object?)link.IroncladNumber ?? DBNull.Value);
        command.Parameters.AddWithValue("template", link.TemplateName);
        command.Parameters.AddWithValue("rule", link.RuleName);
        command.Parameters.AddWithValue("state", link.State.ToString());
        command.Parameters.AddWithValue("paused", link.Paused);
        command.Parameters.AddWithValue("updated", link.IroncladUpdatedAt is { } updated ? DbTime.ToUtcDateTime(updated) : DBNull.Value);
        command.Parameters.AddWithValue("created", DbTime.ToUtcDateTime(link.CreatedAt));
        command.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(link.UpdatedAt));
        command.Parameters.AddWithValue("job", (object?)link.LaunchJobId ?? DBNull.Value);
        command.Parameters.AddWithValue("deal", (object?)link.DealName ?? DBNull.Value);
        command.Parameters.AddWithValue("deal_key", (object?)ContractLinkSearch.NameKey(link.DealName) ?? DBNull.Value);
    }

    /// <summary>The one link a <c>@value</c> filter finds, or null.</summary>
    public static async Task<ContractLink?> FindAsync(NpgsqlCommand command, object? value, CancellationToken cancellationToken)
    {
        command.Parameters.AddWithValue("value", value ?? DBNull.Value);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Reads rows of <see cref="ContractLinkSql.Columns"/>.</summary>
    public static async Task<List<ContractLink>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadRowsAsync(reader, cancellationToken);
    }

    /// <summary>Reads every result of a command of several statements, each of rows of <see cref="ContractLinkSql.Columns"/>, id, key.</summary>
    public static async Task<List<IReadOnlyList<SearchedLink>>> ReadSearchedAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new List<IReadOnlyList<SearchedLink>>();
        do
        {
            var rows = new List<SearchedLink>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new SearchedLink(Link(reader), reader.GetInt64(12), reader.IsDBNull(13) ? null : reader.GetString(13)));
            }

            results.Add(rows);
        }
        while (await reader.NextResultAsync(cancellationToken));

        return results;
    }

    private static async Task<List<ContractLink>> ReadRowsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var links = new List<ContractLink>();
        while (await reader.ReadAsync(cancellationToken))
        {
            links.Add(Link(reader));
        }

        return links;
    }

    private static ContractLink Link(NpgsqlDataReader reader) => new(
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
        reader.IsDBNull(11) ? null : reader.GetString(11));

    /// <summary>Reads rows of <see cref="ContractStorySql.StateColumns"/>.</summary>
    public static async Task<List<ContractStateChange>> ReadStatesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<ContractStateChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(new ContractStateChange(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                Enum.Parse<ContractState>(reader.GetString(4)),
                reader.GetBoolean(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return states;
    }
}
