using Microsoft.Data.Sqlite;

namespace ContractBridge.Engine.Storage.Sqlite;

public sealed partial class SqliteBridgeStore
{
    public Task RegisterInstanceAsync(string instanceId, DateTimeOffset now, DateTimeOffset aliveUntil, CancellationToken cancellationToken) =>
        WriteAsync(scope => WriteInstance(scope, SharedSql.RegisterInstance, instanceId, now, aliveUntil), cancellationToken);

    public Task BeatInstanceAsync(string instanceId, DateTimeOffset now, DateTimeOffset aliveUntil, CancellationToken cancellationToken) =>
        WriteAsync(scope => WriteInstance(scope, SharedSql.BeatInstance, instanceId, now, aliveUntil), cancellationToken);

    public Task RemoveInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        WriteAsync(scope =>
        {
            using var command = scope.Command(SharedSql.RemoveInstance);
            command.Parameters.AddWithValue("@id", instanceId);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<int> ForgetSilentInstancesAsync(DateTimeOffset silentSince, CancellationToken cancellationToken) =>
        WriteAsync(scope =>
        {
            using var command = scope.Command(SharedSql.ForgetSilentInstances);
            command.Parameters.AddWithValue("@cutoff", DbTime.ToMicroseconds(silentSince));
            return command.ExecuteNonQuery();
        }, cancellationToken);

    private static int WriteInstance(SqliteWriteScope scope, string sql, string instanceId, DateTimeOffset now, DateTimeOffset aliveUntil)
    {
        using SqliteCommand command = scope.Command(sql);
        command.Parameters.AddWithValue("@id", instanceId);
        command.Parameters.AddWithValue("@now", DbTime.ToMicroseconds(now));
        command.Parameters.AddWithValue("@until", DbTime.ToMicroseconds(aliveUntil));
        return command.ExecuteNonQuery();
    }
}
