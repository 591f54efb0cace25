using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;

namespace ContractBridge.Flows.Story.Sqlite;

/// <summary>The deal-write log in the engine's SQLite file; instants are INTEGER microseconds.</summary>
public sealed class SqliteDealWriteLog(SqliteBridgeStore store) : IDealWriteLog
{
    public Task RecordAsync(IReadOnlyList<DealWrite> writes, CancellationToken cancellationToken) =>
        writes.Count == 0
            ? Task.CompletedTask
            : store.WriteAsync(scope =>
            {
                using var insert = scope.Command("INSERT INTO deal_writes (lead_id, at, kind, detail) VALUES (@lead, @at, @kind, @detail);");
                var lead = insert.Parameters.Add("@lead", Microsoft.Data.Sqlite.SqliteType.Integer);
                var at = insert.Parameters.Add("@at", Microsoft.Data.Sqlite.SqliteType.Integer);
                var kind = insert.Parameters.Add("@kind", Microsoft.Data.Sqlite.SqliteType.Text);
                var detail = insert.Parameters.Add("@detail", Microsoft.Data.Sqlite.SqliteType.Text);
                foreach (var write in writes)
                {
                    (lead.Value, at.Value, kind.Value, detail.Value) = (write.LeadId, DbTime.ToMicroseconds(write.At), write.Kind, write.Detail);
                    insert.ExecuteNonQuery();
                }

                return writes.Count;
            }, cancellationToken);

    public Task<IReadOnlyList<DealWrite>> ListAsync(long leadId, long before, int limit, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<DealWrite>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, lead_id, at, kind, detail FROM deal_writes WHERE lead_id = @lead AND id < @before ORDER BY id DESC LIMIT @limit;";
            command.Parameters.AddWithValue("@lead", leadId);
            command.Parameters.AddWithValue("@before", before);
            command.Parameters.AddWithValue("@limit", limit);
            using var reader = command.ExecuteReader();
            var writes = new List<DealWrite>();
            while (reader.Read())
            {
                writes.Add(new DealWrite(reader.GetInt64(0), reader.GetInt64(1), DbTime.FromMicroseconds(reader.GetInt64(2)), reader.GetString(3), reader.GetString(4)));
            }

            return writes;
        }, cancellationToken);

    /// <summary>In batches (<see cref="DealWriteSchema.PurgeBatch"/> rows), each its own write, so the one writer is never held long.</summary>
    public async Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        long purged = 0;
        for (var deleted = DealWriteSchema.PurgeBatch; deleted == DealWriteSchema.PurgeBatch; purged += deleted)
        {
            deleted = await store.WriteAsync(scope =>
            {
                using var delete = scope.Command(DealWriteSchema.PurgeSql);
                delete.Parameters.AddWithValue("@before", DbTime.ToMicroseconds(olderThan));
                delete.Parameters.AddWithValue("@batch", DealWriteSchema.PurgeBatch);
                return delete.ExecuteNonQuery();
            }, cancellationToken);
        }

        return purged;
    }
}
