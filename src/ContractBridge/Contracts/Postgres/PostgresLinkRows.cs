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
