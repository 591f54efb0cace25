using Npgsql;

namespace ContractBridge.Engine.Storage.Postgres;

public sealed partial class PostgresBridgeStore
{
    public Task<PurgeResult> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        InTransactionAsync(async connection =>
        {
            await using var history = new NpgsqlCommand("""
                DELETE FROM dead_letters WHERE job_id IN (SELECT id FROM jobs WHERE status = 'Succeeded' AND updated_at < @cutoff);
                """, connection);
            history.Parameters.AddWithValue("cutoff", before);
            await history.ExecuteNonQueryAsync(cancellationToken);

            await using var jobs = new NpgsqlCommand("DELETE FROM jobs WHERE status = 'Succeeded' AND updated_at < @cutoff;", connection);
            jobs.Parameters.AddWithValue("cutoff", before);
            var deletedJobs = await jobs.ExecuteNonQueryAsync(cancellationToken);

            await using var events = new NpgsqlCommand("""
                DELETE FROM received_events
                WHERE received_at < @cutoff AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.event_id = received_events.id);
                """, connection);
            events.Parameters.AddWithValue("cutoff", before);
            return new PurgeResult(deletedJobs, await events.ExecuteNonQueryAsync(cancellationToken));
        }, cancellationToken);
}
