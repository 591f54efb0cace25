namespace ContractBridge.Engine.Storage.Sqlite;

public sealed partial class SqliteBridgeStore
{
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, "SELECT value FROM key_values WHERE key = @key;");
            command.Parameters.AddWithValue("@key", key);
            return command.ExecuteScalar() as string;
        }, cancellationToken);

    public Task SetAsync(string key, string value, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            using var command = SqliteConnections.Command(connection, transaction, """
                INSERT INTO key_values (key, value, updated_at) VALUES (@key, @value, @now)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
                """);
            AddKeyValue(command, key, value, now);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<bool> CompareAndSetAsync(string key, string? expected, string value, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            using var command = SqliteConnections.Command(connection, transaction, expected is null
                ? "INSERT INTO key_values (key, value, updated_at) VALUES (@key, @value, @now) ON CONFLICT (key) DO NOTHING;"
                : "UPDATE key_values SET value = @value, updated_at = @now WHERE key = @key AND value = @expected;");
            AddKeyValue(command, key, value, now);
            command.Parameters.AddWithValue("@expected", SqliteConnections.Nullable(expected));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            using var command = SqliteConnections.Command(connection, transaction, """
                INSERT INTO named_leases (name, owner, expires_at) VALUES (@name, @owner, @until)
                ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
                WHERE named_leases.expires_at <= @now OR named_leases.owner = excluded.owner;
                """);
            command.Parameters.AddWithValue("@name", name);
            command.Parameters.AddWithValue("@owner", owner);
            command.Parameters.AddWithValue("@until", DbTime.ToMicroseconds(until));
            command.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            using var command = SqliteConnections.Command(connection, transaction, "DELETE FROM named_leases WHERE name = @name AND owner = @owner;");
            command.Parameters.AddWithValue("@name", name);
            command.Parameters.AddWithValue("@owner", owner);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    private static void AddKeyValue(Microsoft.Data.Sqlite.SqliteCommand command, string key, string value, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("@key", key);
        command.Parameters.AddWithValue("@value", value);
        command.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
    }
}
