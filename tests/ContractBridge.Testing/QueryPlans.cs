using System.Data.Common;
using System.Text;

namespace ContractBridge.Testing;

/// <summary>
/// How a database would run a statement, for tests that prove a query stays on its index rather than timing it: SQLite's
/// EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN with sequential scans discouraged (an empty test table is cheaper to scan,
/// which says nothing of a million rows; an index the statement cannot use still loses to the scan).
/// </summary>
public static class QueryPlans
{
    /// <param name="sqlite">True for SQLite, false for PostgreSQL.</param>
    /// <param name="parameters">The statement's parameters, by name with their <c>@</c>.</param>
    public static async Task<string> ExplainAsync(DbConnection connection, bool sqlite, string sql, IReadOnlyDictionary<string, object?> parameters)
    {
        if (!sqlite)
        {
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_seqscan = off;";
            await off.ExecuteNonQueryAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var plan = new StringBuilder();
        while (await reader.ReadAsync())
        {
            // SQLite: id, parent, notused, detail; PostgreSQL: one line of text per row.
            plan.AppendLine(reader.GetString(sqlite ? 3 : 0));
        }

        return plan.ToString();
    }
}
