using Microsoft.Data.Sqlite;

namespace ContractBridge.Engine.Storage.Sqlite;

public sealed partial class SqliteBridgeStore
{
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, SharedSql.GetValue);
            command.Parameters.AddWithValue("@key", key);
            return command.ExecuteScalar() as string;
        }, cancellationToken);

    public Task SetAsync(string key, string value, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(scope =>
        {
            using var command = scope.Command(SharedSql.SetValue);
            AddKeyValue(command, key, value, now);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<bool> CompareAndSetAsync(string key, string? expected, string value, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(scope =>
        {
            using var command = scope.Command(expected is null ? SharedSql.SetValueIfAbsent : SharedSql.ReplaceValue);
            AddKeyValue(command, key, value, now);
            command.Parameters.AddWithValue("@expected", SqliteConnections.Nullable(expected));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(scope =>
        {
            using var command = scope.Command(SharedSql.AcquireLease);
            command.Parameters.AddWithValue("@name", name);
            command.Parameters.AddWithValue("@owner", owner);
            command.Parameters.AddWithValue("@until", DbTime.ToMicroseconds(until));
            command.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken) =>
        WriteAsync(scope =>
        {
            using var command = scope.Command(SharedSql.ReleaseLease);
            command.Parameters.AddWithValue("@name", name);
            command.Parameters.AddWithValue("@owner", owner);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    private static void AddKeyValue(SqliteCommand command, string key, string value, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("@key", key);
        command.Parameters.AddWithValue("@value", value);
        command.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
    }
}
