using ContractBridge.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace ContractBridge.Contracts.Sqlite;

/// <summary>Links to and from SQLite rows: instants are INTEGER microseconds (<see cref="DbTime"/>), booleans 0 or 1.</summary>
internal static class SqliteLinkRows
{
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static object Nullable(object? value) => value ?? DBNull.Value;

    public static void AddAdoptParameters(SqliteCommand command, ContractLink link)
    {
        command.Parameters.AddWithValue("@lead", link.LeadId);
        command.Parameters.AddWithValue("@workflow", Nullable(link.WorkflowId));
        command.Parameters.AddWithValue("@number", Nullable(link.IroncladNumber));
        command.Parameters.AddWithValue("@template", link.TemplateName);
        command.Parameters.AddWithValue("@rule", link.RuleName);
        command.Parameters.AddWithValue("@state", link.State.ToString());
        command.Parameters.AddWithValue("@paused", link.Paused);
        command.Parameters.AddWithValue("@updated", link.IroncladUpdatedAt is { } updated ? DbTime.ToMicroseconds(updated) : DBNull.Value);
        command.Parameters.AddWithValue("@created", DbTime.ToMicroseconds(link.CreatedAt));
        command.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(link.UpdatedAt));
        command.Parameters.AddWithValue("@job", Nullable(link.LaunchJobId));
        command.Parameters.AddWithValue("@deal", Nullable(link.DealName));
        command.Parameters.AddWithValue("@deal_key", Nullable(ContractLinkSearch.NameKey(link.DealName)));
    }

    /// <summary>Reads rows of <see cref="ContractLinkSql.Columns"/>.</summary>
    public static List<ContractLink> Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return ReadRows(reader);
    }

    /// <summary>Reads every result of a command of several statements, each of rows of <see cref="ContractLinkSql.Columns"/>, id, key.</summary>
    public static List<IReadOnlyList<SearchedLink>> ReadSearched(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var results = new List<IReadOnlyList<SearchedLink>>();
        do
        {
            var rows = new List<SearchedLink>();
            while (reader.Read())
            {
                rows.Add(new SearchedLink(Link(reader), reader.GetInt64(12), reader.IsDBNull(13) ? null : reader.GetString(13)));
            }

            results.Add(rows);
        }
        while (reader.NextResult());

        return results;
    }

    private static List<ContractLink> ReadRows(SqliteDataReader reader)
    {
        var links = new List<ContractLink>();
        while (reader.Read())
        {
            links.Add(Link(reader));
        }

        return links;
    }

    private static ContractLink Link(SqliteDataReader reader) => new(
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
        reader.IsDBNull(11) ? null : reader.GetString(11));

    /// <summary>Reads rows of <see cref="ContractStorySql.StateColumns"/>.</summary>
    public static List<ContractStateChange> ReadStates(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var states = new List<ContractStateChange>();
        while (reader.Read())
        {
            states.Add(new ContractStateChange(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                Enum.Parse<ContractState>(reader.GetString(4)),
                reader.GetBoolean(5),
                reader.IsDBNull(6) ? null : DbTime.FromMicroseconds(reader.GetInt64(6)),
                DbTime.FromMicroseconds(reader.GetInt64(7))));
        }

        return states;
    }
}
