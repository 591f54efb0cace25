using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;

namespace ContractBridge.Secrets.Postgres;

/// <summary>The key ring's rows in the engine's PostgreSQL database, shared by every instance.</summary>
public sealed class PostgresKeyRingStore(PostgresBridgeStore store) : IKeyRingStore
{
    public async Task<IReadOnlyList<KeyRingEntry>> AllAsync(CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand("SELECT id, friendly_name, xml FROM data_protection_keys ORDER BY id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<KeyRingEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new KeyRingEntry(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }

        return entries;
    }

    public async Task AddAsync(string? friendlyName, string xml, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = store.CreateCommand("INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@name, @xml, @at);");
        insert.Parameters.AddWithValue("name", (object?)friendlyName ?? DBNull.Value);
        insert.Parameters.AddWithValue("xml", xml);
        insert.Parameters.AddWithValue("at", DbTime.ToUtcDateTime(now));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> ReplaceAsync(long id, string expected, string xml, CancellationToken cancellationToken)
    {
        await using var update = store.CreateCommand("UPDATE data_protection_keys SET xml = @xml WHERE id = @id AND xml = @expected;");
        update.Parameters.AddWithValue("id", id);
        update.Parameters.AddWithValue("expected", expected);
        update.Parameters.AddWithValue("xml", xml);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
