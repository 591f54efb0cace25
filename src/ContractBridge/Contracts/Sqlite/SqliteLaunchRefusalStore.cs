using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;

namespace ContractBridge.Contracts.Sqlite;

/// <summary>Launch refusals in the engine's SQLite file; instants are INTEGER microseconds, Kommo's updated_at unix seconds.</summary>
public sealed class SqliteLaunchRefusalStore(SqliteBridgeStore store) : ILaunchRefusalStore
{
    public Task RecordAsync(LaunchRefusal refusal, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            using var upsert = scope.Command("""
                INSERT INTO launch_refusals (lead_id, rule_name, lead_updated_at, refused_at) VALUES (@lead, @rule, @updated, @at)
                ON CONFLICT (lead_id) DO UPDATE SET rule_name = excluded.rule_name, lead_updated_at = excluded.lead_updated_at, refused_at = excluded.refused_at;
                """);
            upsert.Parameters.AddWithValue("@lead", refusal.LeadId);
            upsert.Parameters.AddWithValue("@rule", refusal.RuleName);
            upsert.Parameters.AddWithValue("@updated", SqliteLinkRows.Nullable(refusal.LeadUpdatedAt));
            upsert.Parameters.AddWithValue("@at", DbTime.ToMicroseconds(refusal.RefusedAt));
            return upsert.ExecuteNonQuery();
        }, cancellationToken);

    public Task<IReadOnlyDictionary<long, LaunchRefusal>> FindAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyDictionary<long, LaunchRefusal>>(connection =>
        {
            using var command = SqliteLinkRows.Command(connection, null, """
                SELECT lead_id, rule_name, lead_updated_at, refused_at FROM launch_refusals
                WHERE lead_id IN (SELECT value FROM json_each(@leads));
                """);
            command.Parameters.AddWithValue("@leads", System.Text.Json.JsonSerializer.Serialize(leadIds.Distinct()));
            using var reader = command.ExecuteReader();
            var found = new Dictionary<long, LaunchRefusal>();
            while (reader.Read())
            {
                var refusal = new LaunchRefusal(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetInt64(2),
                    DbTime.FromMicroseconds(reader.GetInt64(3)));
                found[refusal.LeadId] = refusal;
            }

            return found;
        }, cancellationToken);
}
