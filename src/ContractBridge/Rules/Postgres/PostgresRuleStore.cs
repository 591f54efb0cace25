using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;

namespace ContractBridge.Rules.Postgres;

/// <summary>The stored rules in the engine's PostgreSQL database, shared by every instance.</summary>
public sealed class PostgresRuleStore(PostgresBridgeStore store) : IRuleStore
{
    public async Task<long> LatestChangeAsync(CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand(RuleSql.LatestChange);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<IReadOnlyList<RuleVersion>> CurrentAsync(CancellationToken cancellationToken) => ListAsync(RuleSql.Current, null, cancellationToken);

    public async Task<RuleVersion?> LatestAsync(string name, CancellationToken cancellationToken) =>
        (await ListAsync(RuleSql.Latest, RuleSchema.KeyOf(name), cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<RuleVersion>> HistoryAsync(string name, CancellationToken cancellationToken) => ListAsync(RuleSql.History, RuleSchema.KeyOf(name), cancellationToken);

    public async Task<bool> AppendAsync(RuleVersion version, CancellationToken cancellationToken)
    {
        await using var insert = store.CreateCommand(RuleSql.Append);
        insert.Parameters.AddWithValue("key", RuleSchema.KeyOf(version.Name));
        insert.Parameters.AddWithValue("name", version.Name);
        insert.Parameters.AddWithValue("version", version.Version);
        insert.Parameters.AddWithValue("at", DbTime.ToUtcDateTime(version.At));
        insert.Parameters.AddWithValue("actor", version.Actor);
        insert.Parameters.AddWithValue("client", NpgsqlTypes.NpgsqlDbType.Text, (object?)version.Client ?? DBNull.Value);
        insert.Parameters.AddWithValue("json", NpgsqlTypes.NpgsqlDbType.Text, (object?)version.RuleJson ?? DBNull.Value);
        insert.Parameters.AddWithValue("summary", version.Summary);
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<IReadOnlyList<RuleVersion>> ListAsync(string sql, string? key, CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand(sql);
        if (key is not null)
        {
            command.Parameters.AddWithValue("key", key);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<RuleVersion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new RuleVersion(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6)));
        }

        return versions;
    }
}
