using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;

namespace ContractBridge.Contracts.Postgres;

/// <summary>Launch refusals in the engine's PostgreSQL database, shared by every instance.</summary>
public sealed class PostgresLaunchRefusalStore(PostgresBridgeStore store) : ILaunchRefusalStore
{
    public async Task RecordAsync(LaunchRefusal refusal, CancellationToken cancellationToken)
    {
        await using var upsert = store.CreateCommand("""
            INSERT INTO launch_refusals (lead_id, rule_name, lead_updated_at, refused_at) VALUES (@lead, @rule, @updated, @at)
            ON CONFLICT (lead_id) DO UPDATE SET rule_name = excluded.rule_name, lead_updated_at = excluded.lead_updated_at, refused_at = excluded.refused_at;
            """);
        upsert.Parameters.AddWithValue("lead", refusal.LeadId);
        upsert.Parameters.AddWithValue("rule", refusal.RuleName);
        upsert.Parameters.AddWithValue("updated", (object?)refusal.LeadUpdatedAt ?? DBNull.Value);
        upsert.Parameters.AddWithValue("at", DbTime.ToUtcDateTime(refusal.RefusedAt));
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<long, LaunchRefusal>> FindAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand(
            "SELECT lead_id, rule_name, lead_updated_at, refused_at FROM launch_refusals WHERE lead_id = ANY(@leads);");
        command.Parameters.AddWithValue("leads", leadIds.Distinct().ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new Dictionary<long, LaunchRefusal>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var refusal = new LaunchRefusal(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.GetFieldValue<DateTimeOffset>(3));
            found[refusal.LeadId] = refusal;
        }

        return found;
    }
}
