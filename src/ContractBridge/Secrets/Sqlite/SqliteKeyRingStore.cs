using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;

namespace ContractBridge.Secrets.Sqlite;

/// <summary>The key ring's rows in the engine's SQLite file; created_at is INTEGER microseconds.</summary>
public sealed class SqliteKeyRingStore(SqliteBridgeStore store) : IKeyRingStore
{
    public Task<IReadOnlyList<KeyRingEntry>> AllAsync(CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<KeyRingEntry>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, friendly_name, xml FROM data_protection_keys ORDER BY id;";
            using var reader = command.ExecuteReader();
            var entries = new List<KeyRingEntry>();
            while (reader.Read())
            {
                entries.Add(new KeyRingEntry(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
            }

            return entries;
        }, cancellationToken);

    public Task AddAsync(string? friendlyName, string xml, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            using var insert = scope.Command("INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@name, @xml, @at);");
            insert.Parameters.AddWithValue("@name", (object?)friendlyName ?? DBNull.Value);
            insert.Parameters.AddWithValue("@xml", xml);
            insert.Parameters.AddWithValue("@at", DbTime.ToMicroseconds(now));
            return insert.ExecuteNonQuery();
        }, cancellationToken);

    public Task<bool> ReplaceAsync(long id, string expected, string xml, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            using var update = scope.Command("UPDATE data_protection_keys SET xml = @xml WHERE id = @id AND xml = @expected;");
            update.Parameters.AddWithValue("@id", id);
            update.Parameters.AddWithValue("@expected", expected);
            update.Parameters.AddWithValue("@xml", xml);
            return update.ExecuteNonQuery() == 1;
        }, cancellationToken);
}
