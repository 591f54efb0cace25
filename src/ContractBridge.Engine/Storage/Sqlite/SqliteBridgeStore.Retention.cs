namespace ContractBridge.Engine.Storage.Sqlite;

public sealed partial class SqliteBridgeStore
{
    public Task<PurgeResult> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        WriteAsync(scope =>
        {
            var cutoff = DbTime.ToMicroseconds(before);
            using var history = scope.Command(SharedSql.PurgeDeadLetters);
            history.Parameters.AddWithValue("@cutoff", cutoff);
            history.ExecuteNonQuery();

            using var jobs = scope.Command(SharedSql.PurgeJobs);
            jobs.Parameters.AddWithValue("@cutoff", cutoff);
            var deletedJobs = jobs.ExecuteNonQuery();

            using var events = scope.Command(SharedSql.PurgeEvents);
            events.Parameters.AddWithValue("@cutoff", cutoff);
            return new PurgeResult(deletedJobs, events.ExecuteNonQuery());
        }, cancellationToken);
}
