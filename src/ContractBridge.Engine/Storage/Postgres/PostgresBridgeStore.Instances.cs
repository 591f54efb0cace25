namespace ContractBridge.Engine.Storage.Postgres;

public sealed partial class PostgresBridgeStore
{
    public Task RegisterInstanceAsync(string instanceId, DateTimeOffset now, DateTimeOffset aliveUntil, CancellationToken cancellationToken) =>
        WriteInstanceAsync(SharedSql.RegisterInstance, instanceId, now, aliveUntil, cancellationToken);

    public Task BeatInstanceAsync(string instanceId, DateTimeOffset now, DateTimeOffset aliveUntil, CancellationToken cancellationToken) =>
        WriteInstanceAsync(SharedSql.BeatInstance, instanceId, now, aliveUntil, cancellationToken);

    public async Task RemoveInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SharedSql.RemoveInstance);
        command.Parameters.AddWithValue("id", instanceId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> ForgetSilentInstancesAsync(DateTimeOffset silentSince, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SharedSql.ForgetSilentInstances);
        command.Parameters.AddWithValue("cutoff", DbTime.ToUtcDateTime(silentSince));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteInstanceAsync(string sql, string instanceId, DateTimeOffset now, DateTimeOffset aliveUntil, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql);
        command.Parameters.AddWithValue("id", instanceId);
        command.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
        command.Parameters.AddWithValue("until", DbTime.ToUtcDateTime(aliveUntil));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
