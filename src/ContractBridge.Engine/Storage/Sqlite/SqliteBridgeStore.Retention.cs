namespace ContractBridge.Engine.Storage.Sqlite;

public sealed partial class SqliteBridgeStore
{
    /// <summary>
    /// Batch after batch (<see cref="SharedSql.PurgeBatch"/> rows), each its own write, so webhooks are stored between
    /// them, and the log copied and started over after each: a backlog's batches, back to back, outran the background
    /// checkpoint on a loaded machine and left a 45 GB log (the store bench).
    /// </summary>
    public async Task<PurgeResult> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var cutoff = DbTime.ToMicroseconds(before);
        long jobs = 0, events = 0;
        for (var deleted = SharedSql.PurgeBatch; deleted == SharedSql.PurgeBatch; jobs += deleted)
        {
            deleted = await WriteAsync(scope =>
            {
                Run(scope, SharedSql.PurgeDeadLetters, cutoff);
                return Run(scope, SharedSql.PurgeJobs, cutoff);
            }, cancellationToken);
            await writer.CheckpointAsync(cancellationToken);
        }

        for (var deleted = SharedSql.PurgeBatch; deleted == SharedSql.PurgeBatch; events += deleted)
        {
            deleted = await WriteAsync(scope => Run(scope, SharedSql.PurgeEvents, cutoff), cancellationToken);
            await writer.CheckpointAsync(cancellationToken);
        }

        return new PurgeResult(jobs, events);
    }

    private static int Run(SqliteWriteScope scope, string sql, long cutoff)
    {
        using var command = scope.Command(sql);
        command.Parameters.AddWithValue("@cutoff", cutoff);
        command.Parameters.AddWithValue("@batch", SharedSql.PurgeBatch);
        return command.ExecuteNonQuery();
    }
}
