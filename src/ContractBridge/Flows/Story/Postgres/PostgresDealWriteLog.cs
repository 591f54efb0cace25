using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;

namespace ContractBridge.Flows.Story.Postgres;

/// <summary>The deal-write log in the engine's PostgreSQL database, shared by every instance.</summary>
public sealed class PostgresDealWriteLog(PostgresBridgeStore store) : IDealWriteLog
{
    public async Task RecordAsync(IReadOnlyList<DealWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return;
        }

        // One statement for the batch: arrays unnested, as Kommo's batches are up to 250 items.
        await using var insert = store.CreateCommand(
            "INSERT INTO deal_writes (lead_id, at, kind, detail) SELECT * FROM unnest(@leads, @ats, @kinds, @details);");
        insert.Parameters.AddWithValue("leads", writes.Select(w => w.LeadId).ToArray());
        insert.Parameters.AddWithValue("ats", writes.Select(w => DbTime.ToUtcDateTime(w.At)).ToArray());
        insert.Parameters.AddWithValue("kinds", writes.Select(w => w.Kind).ToArray());
        insert.Parameters.AddWithValue("details", writes.Select(w => w.Detail).ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DealWrite>> ListAsync(long leadId, long before, int limit, CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand("SELECT id, lead_id, at, kind, detail FROM deal_writes WHERE lead_id = @lead AND id < @before ORDER BY id DESC LIMIT @limit;");
        command.Parameters.AddWithValue("lead", leadId);
        command.Parameters.AddWithValue("before", before);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var writes = new List<DealWrite>();
        while (await reader.ReadAsync(cancellationToken))
        {
            writes.Add(new DealWrite(reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4)));
        }

        return writes;
    }

    /// <summary>In batches (<see cref="DealWriteSchema.PurgeBatch"/> rows), each its own statement, so no lock is held long.</summary>
    public async Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        long purged = 0;
        for (var deleted = DealWriteSchema.PurgeBatch; deleted == DealWriteSchema.PurgeBatch; purged += deleted)
        {
            await using var delete = store.CreateCommand(DealWriteSchema.PurgeSql);
            delete.Parameters.AddWithValue("before", DbTime.ToUtcDateTime(olderThan));
            delete.Parameters.AddWithValue("batch", DealWriteSchema.PurgeBatch);
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        return purged;
    }
}
