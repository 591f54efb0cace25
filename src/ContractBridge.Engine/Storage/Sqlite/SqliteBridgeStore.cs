using Microsoft.Data.Sqlite;

namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>
/// The default store: one SQLite file in WAL mode, zero set-up. Writes go through one in-process writer (see
/// <see cref="SqliteWriter"/>); reads use pooled connections of their own, which WAL lets run beside the writer.
/// </summary>
public sealed partial class SqliteBridgeStore : IBridgeStore
{
    private readonly string connectionString;
    private readonly SqliteWriter writer;

    public SqliteBridgeStore(string path, SqliteSynchronous synchronous = SqliteSynchronous.Full)
    {
        Path = path;
        connectionString = SqliteConnections.ConnectionString(path);
        writer = new SqliteWriter(connectionString, synchronous);
    }

    public string Provider => "sqlite";

    /// <summary>The database file.</summary>
    public string Path { get; }

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        writer.WriteAsync((connection, transaction) =>
        {
            // The IMMEDIATE transaction holds SQLite's write lock, so two processes migrating at once take turns.
            SqliteConnections.Execute(connection, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version INTEGER PRIMARY KEY,
                    description TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                );
                """, transaction);
            using var current = SqliteConnections.Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version;");
            var version = Convert.ToInt32(current.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var migration in SqliteMigrations.All.Where(m => m.Version > version).OrderBy(m => m.Version))
            {
                SqliteConnections.Execute(connection, migration.Sql, transaction);
                using var record = SqliteConnections.Command(connection, transaction,
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));");
                record.Parameters.AddWithValue("@v", migration.Version);
                record.Parameters.AddWithValue("@d", migration.Description);
                record.ExecuteNonQuery();
            }

            return 0;
        }, cancellationToken);

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(connection =>
            {
                using var command = SqliteConnections.Command(connection, null, "SELECT 1;");
                return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
            }, cancellationToken);
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var exists = SqliteConnections.Command(connection, null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';");
            if ((long)exists.ExecuteScalar()! == 0)
            {
                return 0;
            }

            using var command = SqliteConnections.Command(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_version;");
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    public ValueTask DisposeAsync()
    {
        writer.Dispose();
        // Pooled readers keep the file open; let it go so the directory can be moved or deleted.
        using (var pooled = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        return ValueTask.CompletedTask;
    }

    private Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken) =>
        writer.WriteAsync(work, cancellationToken);

    private Task<T> ReadAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return Task.FromResult(work(connection));
    }
}
