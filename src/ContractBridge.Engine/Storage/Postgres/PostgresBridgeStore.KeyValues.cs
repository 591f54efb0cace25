namespace ContractBridge.Engine.Storage.Postgres;

public sealed partial class PostgresBridgeStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SharedSql.GetValue);
        command.Parameters.AddWithValue("key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetAsync(string key, string value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SharedSql.SetValue);
        AddKeyValue(command, key, value, now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> CompareAndSetAsync(string key, string? expected, string value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(expected is null ? SharedSql.SetValueIfAbsent : SharedSql.ReplaceValue);
        AddKeyValue(command, key, value, now);
        command.Parameters.AddWithValue("expected", (object?)expected ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SharedSql.AcquireLease);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("until", DbTime.ToUtcDateTime(until));
        command.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SharedSql.ReleaseLease);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("owner", owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddKeyValue(Npgsql.NpgsqlCommand command, string key, string value, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("value", value);
        command.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
    }
}
