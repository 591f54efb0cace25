using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ContractBridge.Rules.Sqlite;

/// <summary>The stored rules in the engine's SQLite file; instants are INTEGER microseconds.</summary>
public sealed class SqliteRuleStore(SqliteBridgeStore store) : IRuleStore
{
    public Task<long> LatestChangeAsync(CancellationToken cancellationToken) =>
        store.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = RuleSql.LatestChange;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    public Task<IReadOnlyList<RuleVersion>> CurrentAsync(CancellationToken cancellationToken) => ListAsync(RuleSql.Current, null, cancellationToken);

    public async Task<RuleVersion?> LatestAsync(string name, CancellationToken cancellationToken) =>
        (await ListAsync(RuleSql.Latest, RuleSchema.KeyOf(name), cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<RuleVersion>> HistoryAsync(string name, CancellationToken cancellationToken) => ListAsync(RuleSql.History, RuleSchema.KeyOf(name), cancellationToken);

    public Task<bool> AppendAsync(RuleVersion version, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            using var insert = scope.Command(RuleSql.Append);
            insert.Parameters.AddWithValue("@key", RuleSchema.KeyOf(version.Name));
            insert.Parameters.AddWithValue("@name", version.Name);
            insert.Parameters.AddWithValue("@version", version.Version);
            insert.Parameters.AddWithValue("@at", DbTime.ToMicroseconds(version.At));
            insert.Parameters.AddWithValue("@actor", version.Actor);
            insert.Parameters.AddWithValue("@client", (object?)version.Client ?? DBNull.Value);
            insert.Parameters.AddWithValue("@json", (object?)version.RuleJson ?? DBNull.Value);
            insert.Parameters.AddWithValue("@summary", version.Summary);
            return insert.ExecuteNonQuery() == 1;
        }, cancellationToken);

    private Task<IReadOnlyList<RuleVersion>> ListAsync(string sql, string? key, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<RuleVersion>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (key is not null)
            {
                command.Parameters.AddWithValue("@key", key);
            }

            using var reader = command.ExecuteReader();
            var versions = new List<RuleVersion>();
            while (reader.Read())
            {
                versions.Add(Read(reader));
            }

            return versions;
        }, cancellationToken);

    private static RuleVersion Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt32(1),
        DbTime.FromMicroseconds(reader.GetInt64(2)),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetString(6));
}
