using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using Npgsql;
using static ContractBridge.Contracts.ContractRecordSql;

namespace ContractBridge.Contracts.Postgres;

/// <summary>
/// Contract records in the engine's PostgreSQL database, shared by every instance. An observation takes a transaction
/// lock on its record first, so two instances reading the same record (a webhook and the executed contract's read)
/// decide one after the other, and the jobs a change causes are stored once.
/// </summary>
public sealed class PostgresContractRecordStore(PostgresBridgeStore store) : IContractRecordStore
{
    public Task<ContractRecord?> ObserveAsync(ContractRecord observed, ContractRecordFollowUps followUps, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync(async (scope, token) =>
        {
            // A row lock cannot guard a record not stored yet: the advisory lock covers the first observation too.
            await using (var lockRecord = scope.Command("SELECT pg_advisory_xact_lock(hashtextextended('record:' || @record, 0));"))
            {
                lockRecord.Parameters.AddWithValue("record", observed.RecordId);
                await lockRecord.ExecuteNonQueryAsync(token);
            }

            ContractRecord? before;
            await using (var find = scope.Command($"{Select} WHERE record_id = @record;"))
            {
                find.Parameters.AddWithValue("record", observed.RecordId);
                before = (await ReadAsync(find, token)).SingleOrDefault();
            }

            if (!IsNews(before, observed))
            {
                return null;
            }

            var stored = Merge(before, observed, now);
            await using var upsert = scope.Command(Upsert);
            upsert.Parameters.AddWithValue("record", stored.RecordId);
            upsert.Parameters.AddWithValue("lead", stored.LeadId);
            upsert.Parameters.AddWithValue("workflow", stored.WorkflowId);
            upsert.Parameters.AddWithValue("contract", stored.ContractName);
            upsert.Parameters.AddWithValue("rule", stored.RuleName);
            upsert.Parameters.AddWithValue("expiration", (object?)Day(stored.ExpirationDate) ?? DBNull.Value);
            upsert.Parameters.AddWithValue("status", (object?)stored.ContractStatus ?? DBNull.Value);
            upsert.Parameters.AddWithValue("enhanced", (object?)stored.EnhancedStatus ?? DBNull.Value);
            upsert.Parameters.AddWithValue("message", (object?)stored.StatusMessage ?? DBNull.Value);
            upsert.Parameters.AddWithValue("recordUpdated", DbTime.ToUtcDateTime(stored.RecordUpdatedAt));
            upsert.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
            await upsert.ExecuteNonQueryAsync(token);
            await scope.InsertJobsAsync(followUps(before, stored), now, token);
            return stored;
        }, cancellationToken);

    public async Task<ContractRecord?> FindAsync(string recordId, CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand($"{Select} WHERE record_id = @record;");
        command.Parameters.AddWithValue("record", recordId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyDictionary<string, ContractRecord>> FindManyAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand($"{Select} WHERE record_id = ANY(@records);");
        command.Parameters.AddWithValue("records", recordIds.Distinct().ToArray());
        return (await ReadAsync(command, cancellationToken)).ToDictionary(r => r.RecordId, StringComparer.Ordinal);
    }

    public async Task RecordTaskAsync(string recordId, long taskId, DateOnly expiration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var update = store.CreateCommand(RecordTask);
        update.Parameters.AddWithValue("task", taskId);
        update.Parameters.AddWithValue("expiration", Day(expiration)!);
        update.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
        update.Parameters.AddWithValue("record", recordId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<ContractRecord>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<ContractRecord>();
        while (await reader.ReadAsync(cancellationToken))
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
                reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetInt64(10),
                ParseDay(reader.IsDBNull(11) ? null : reader.GetString(11)),
                reader.GetFieldValue<DateTimeOffset>(12)));
        }

        return records;
    }
}
