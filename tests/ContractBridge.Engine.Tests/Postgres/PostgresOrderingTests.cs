using ContractBridge.Engine.Tests.Infrastructure;
using Npgsql;

namespace ContractBridge.Engine.Tests.Postgres;

/// <summary>PostgreSQL only: instances insert in parallel, so same-key jobs can commit out of id order.</summary>
public sealed class PostgresOrderingTests(PostgresServer server) : StoreTestBase(server), IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Claim_EarlierJobCommittedLate_WaitsForTheLaterJobAlreadyRunning()
    {
        var lease = TimeSpan.FromSeconds(30);
        await using var connection = new NpgsqlConnection(Database.Location);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO jobs (kind, key, payload, status, attempts, next_attempt_at, created_at, updated_at)
            VALUES ('k', 'lead:1', 'early', 'Pending', 0, @t0, @t0, @t0);
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("t0", T0.UtcDateTime);
            await insert.ExecuteNonQueryAsync();
        }

        await Store.EnqueueAsync([Engines.Job("k", "lead:1", "late")], T0, CancellationToken.None);
        var running = await Store.ClaimAsync("k", 10, "a", T0, lease, CancellationToken.None);
        await transaction.CommitAsync();
        var whileLateRuns = await Store.ClaimAsync("k", 10, "b", T0, lease, CancellationToken.None);
        await Store.CompleteAsync(running[0].Id, "a", [], T0, CancellationToken.None);
        var afterwards = await Store.ClaimAsync("k", 10, "b", T0, lease, CancellationToken.None);

        Assert.Equal("late", Assert.Single(running).Payload);
        Assert.Empty(whileLateRuns);
        Assert.Equal("early", Assert.Single(afterwards).Payload);
    }
}
