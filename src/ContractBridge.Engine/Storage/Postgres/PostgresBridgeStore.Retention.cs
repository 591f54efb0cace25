namespace ContractBridge.Engine.Storage.Postgres;

public sealed partial class PostgresBridgeStore
{
    public Task<PurgeResult> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        WriteAsync(async (scope, token) =>
        {
            await using var history = scope.Command(SharedSql.PurgeDeadLetters);
            history.Parameters.AddWithValue("cutoff", before);
            await history.ExecuteNonQueryAsync(token);

            await using var jobs = scope.Command(SharedSql.PurgeJobs);
            jobs.Parameters.AddWithValue("cutoff", before);
            var deletedJobs = await jobs.ExecuteNonQueryAsync(token);

            await using var events = scope.Command(SharedSql.PurgeEvents);
            events.Parameters.AddWithValue("cutoff", before);
            return new PurgeResult(deletedJobs, await events.ExecuteNonQueryAsync(token));
        }, cancellationToken);
}
