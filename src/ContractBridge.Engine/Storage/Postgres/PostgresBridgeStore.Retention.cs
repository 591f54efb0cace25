namespace ContractBridge.Engine.Storage.Postgres;

public sealed partial class PostgresBridgeStore
{
    /// <summary>Batch after batch (<see cref="SharedSql.PurgeBatch"/> rows), each its own transaction, so no lock is held for long.</summary>
    public async Task<PurgeResult> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        long jobs = 0, events = 0;
        for (var deleted = SharedSql.PurgeBatch; deleted == SharedSql.PurgeBatch; jobs += deleted)
        {
            deleted = await WriteAsync(async (scope, token) =>
            {
                await RunAsync(scope, SharedSql.PurgeDeadLetters, before, token);
                return await RunAsync(scope, SharedSql.PurgeJobs, before, token);
            }, cancellationToken);
        }

        for (var deleted = SharedSql.PurgeBatch; deleted == SharedSql.PurgeBatch; events += deleted)
        {
            deleted = await WriteAsync((scope, token) => RunAsync(scope, SharedSql.PurgeEvents, before, token), cancellationToken);
        }

        return new PurgeResult(jobs, events);
    }

    private static async Task<int> RunAsync(PostgresWriteScope scope, string sql, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = scope.Command(sql);
        command.Parameters.AddWithValue("cutoff", cutoff);
        command.Parameters.AddWithValue("batch", SharedSql.PurgeBatch);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
