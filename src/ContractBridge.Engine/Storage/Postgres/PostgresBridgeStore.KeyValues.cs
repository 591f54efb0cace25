namespace ContractBridge.Engine.Storage.Postgres;

public sealed partial class PostgresBridgeStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT value FROM key_values WHERE key = @key;");
        command.Parameters.AddWithValue("key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetAsync(string key, string value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            INSERT INTO key_values (key, value, updated_at) VALUES (@key, @value, @now)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
            """);
        AddKeyValue(command, key, value, now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> CompareAndSetAsync(string key, string? expected, string value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command(expected is null
            ? "INSERT INTO key_values (key, value, updated_at) VALUES (@key, @value, @now) ON CONFLICT (key) DO NOTHING;"
            : "UPDATE key_values SET value = @value, updated_at = @now WHERE key = @key AND value = @expected;");
        AddKeyValue(command, key, value, now);
        command.Parameters.AddWithValue("expected", (object?)expected ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            INSERT INTO named_leases (name, owner, expires_at) VALUES (@name, @owner, @until)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE named_leases.expires_at <= @now OR named_leases.owner = excluded.owner;
            """);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("until", DbTime.ToUtcDateTime(until));
        command.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        await using var command = Command("DELETE FROM named_leases WHERE name = @name AND owner = @owner;");
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
