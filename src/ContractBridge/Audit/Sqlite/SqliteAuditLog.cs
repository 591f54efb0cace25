using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;

namespace ContractBridge.Audit.Sqlite;

/// <summary>The audit log in the engine's SQLite file; instants are INTEGER microseconds.</summary>
public sealed class SqliteAuditLog(SqliteBridgeStore store, TimeProvider time) : IAuditLog
{
    public Task RecordAsync(AuditActor actor, string action, string detail, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            using var insert = scope.Command("INSERT INTO audit_log (at, actor, action, detail, client) VALUES (@at, @actor, @action, @detail, @client);");
            insert.Parameters.AddWithValue("@at", DbTime.ToMicroseconds(time.GetUtcNow()));
            insert.Parameters.AddWithValue("@actor", actor.Role);
            insert.Parameters.AddWithValue("@action", action);
            insert.Parameters.AddWithValue("@detail", detail);
            insert.Parameters.AddWithValue("@client", (object?)actor.Client ?? DBNull.Value);
            return insert.ExecuteNonQuery();
        }, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<AuditEntry>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, at, actor, action, detail, client FROM audit_log ORDER BY id DESC LIMIT @limit;";
            command.Parameters.AddWithValue("@limit", limit);
            using var reader = command.ExecuteReader();
            var entries = new List<AuditEntry>();
            while (reader.Read())
            {
                entries.Add(new AuditEntry(
                    reader.GetInt64(0),
                    DbTime.FromMicroseconds(reader.GetInt64(1)),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }

            return entries;
        }, cancellationToken);
}
