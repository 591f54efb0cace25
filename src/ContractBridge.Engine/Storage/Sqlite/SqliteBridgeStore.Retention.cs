namespace ContractBridge.Engine.Storage.Sqlite;

public sealed partial class SqliteBridgeStore
{
    public Task<PurgeResult> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            var cutoff = DbTime.ToMicroseconds(before);
            using var history = SqliteConnections.Command(connection, transaction, """
                DELETE FROM dead_letters WHERE job_id IN (SELECT id FROM jobs WHERE status = 'Succeeded' AND updated_at < @cutoff);
                """);
            history.Parameters.AddWithValue("@cutoff", cutoff);
            history.ExecuteNonQuery();

            using var jobs = SqliteConnections.Command(connection, transaction, """
                DELETE FROM jobs WHERE status = 'Succeeded' AND updated_at < @cutoff;
                """);
            jobs.Parameters.AddWithValue("@cutoff", cutoff);
            var deletedJobs = jobs.ExecuteNonQuery();

            using var events = SqliteConnections.Command(connection, transaction, """
                DELETE FROM received_events
                WHERE received_at < @cutoff AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.event_id = received_events.id);
                """);
            events.Parameters.AddWithValue("@cutoff", cutoff);
            return new PurgeResult(deletedJobs, events.ExecuteNonQuery());
        }, cancellationToken);
}
