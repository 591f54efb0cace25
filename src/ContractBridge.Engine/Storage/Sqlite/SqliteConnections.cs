using Microsoft.Data.Sqlite;

namespace ContractBridge.Engine.Storage.Sqlite;

internal static class SqliteConnections
{
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        // Another process (the CLI) may hold the write lock briefly; wait for it rather than failing.
        DefaultTimeout = 30,
    }.ToString();

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static object Nullable(object? value) => value ?? DBNull.Value;

    public static object NullableTime(DateTimeOffset? value) =>
        value is { } time ? DbTime.ToMicroseconds(time) : DBNull.Value;
}
