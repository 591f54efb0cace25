using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using static ContractBridge.Contracts.ContractRecordSql;

namespace ContractBridge.Contracts.Sqlite;

/// <summary>
/// Contract records in the engine's SQLite file. Observations run on the engine's single writer, so "look, then store"
/// cannot race, and the jobs they decide commit with them.
/// </summary>
public sealed class SqliteContractRecordStore(SqliteBridgeStore store) : IContractRecordStore
{
    public Task<ContractRecord?> ObserveAsync(ContractRecord observed, ContractRecordFollowUps followUps, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            var before = Find(scope.Connection, scope.Transaction, observed.RecordId);
            if (!IsNews(before, observed))
            {
                return null;
            }

            var stored = Merge(before, observed, now);
            using var upsert = scope.Command(Upsert);
            upsert.Parameters.AddWithValue("@record", stored.RecordId);
            upsert.Parameters.AddWithValue("@lead", stored.LeadId);
            upsert.Parameters.AddWithValue("@workflow", stored.WorkflowId);
            upsert.Parameters.AddWithValue("@contract", stored.ContractName);
            upsert.Parameters.AddWithValue("@rule", stored.RuleName);
            upsert.Parameters.AddWithValue("@expiration", SqliteLinkRows.Nullable(Day(stored.ExpirationDate)));
            upsert.Parameters.AddWithValue("@status", SqliteLinkRows.Nullable(stored.ContractStatus));
            upsert.Parameters.AddWithValue("@enhanced", SqliteLinkRows.Nullable(stored.EnhancedStatus));
            upsert.Parameters.AddWithValue("@message", SqliteLinkRows.Nullable(stored.StatusMessage));
            upsert.Parameters.AddWithValue("@recordUpdated", DbTime.ToMicroseconds(stored.RecordUpdatedAt));
            upsert.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
            upsert.ExecuteNonQuery();
            scope.InsertJobs(followUps(before, stored), now);
            return stored;
        }, cancellationToken);

    public Task<ContractRecord?> FindAsync(string recordId, CancellationToken cancellationToken) =>
        store.ReadAsync(connection => Find(connection, null, recordId), cancellationToken);

    public Task<IReadOnlyDictionary<string, ContractRecord>> FindManyAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyDictionary<string, ContractRecord>>(connection =>
        {
            using var command = SqliteLinkRows.Command(connection, null, $"{Select} WHERE record_id IN (SELECT value FROM json_each(@records));");
            command.Parameters.AddWithValue("@records", System.Text.Json.JsonSerializer.Serialize(recordIds.Distinct()));
            return Read(command).ToDictionary(r => r.RecordId, StringComparer.Ordinal);
        }, cancellationToken);

    public Task RecordTaskAsync(string recordId, long taskId, DateOnly expiration, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            using var update = scope.Command(RecordTask);
            update.Parameters.AddWithValue("@task", taskId);
            update.Parameters.AddWithValue("@expiration", Day(expiration));
            update.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
            update.Parameters.AddWithValue("@record", recordId);
            return update.ExecuteNonQuery();
        }, cancellationToken);

    private static ContractRecord? Find(SqliteConnection connection, SqliteTransaction? transaction, string recordId)
    {
        using var command = SqliteLinkRows.Command(connection, transaction, $"{Select} WHERE record_id = @record;");
        command.Parameters.AddWithValue("@record", recordId);
        return Read(command).SingleOrDefault();
    }

    private static List<ContractRecord> Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var records = new List<ContractRecord>();
        while (reader.Read())
        {
            records.Add(new ContractRecord(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                ParseDay(reader.IsDBNull(5) ? null : reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                DbTime.FromMicroseconds(reader.GetInt64(9)),
                reader.IsDBNull(10) ? null : reader.GetInt64(10),
                ParseDay(reader.IsDBNull(11) ? null : reader.GetString(11)),
                DbTime.FromMicroseconds(reader.GetInt64(12))));
        }

        return records;
    }
}
