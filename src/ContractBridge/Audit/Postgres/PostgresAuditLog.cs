using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;

namespace ContractBridge.Audit.Postgres;

/// <summary>The audit log in the engine's PostgreSQL database, shared by every instance.</summary>
public sealed class PostgresAuditLog(PostgresBridgeStore store, TimeProvider time) : IAuditLog
{
    public async Task RecordAsync(AuditActor actor, string action, string detail, CancellationToken cancellationToken)
    {
        await using var insert = store.CreateCommand("INSERT INTO audit_log (at, actor, action, detail, client) VALUES (@at, @actor, @action, @detail, @client);");
        insert.Parameters.AddWithValue("at", DbTime.ToUtcDateTime(time.GetUtcNow()));
        insert.Parameters.AddWithValue("actor", actor.Role);
        insert.Parameters.AddWithValue("action", action);
        insert.Parameters.AddWithValue("detail", detail);
        insert.Parameters.AddWithValue("client", (object?)actor.Client ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand("SELECT id, at, actor, action, detail, client FROM audit_log ORDER BY id DESC LIMIT @limit;");
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return entries;
    }
}
