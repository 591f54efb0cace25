using Microsoft.Data.Sqlite;

namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>
/// The default store: one SQLite file in WAL mode, zero set-up. Writes go through one in-process writer (see
/// <see cref="SqliteWriter"/>); reads use pooled connections of their own, which WAL lets run beside the writer. A
/// service keeps its own tables here through <see cref="WriteAsync{T}"/> and <see cref="ReadAsync{T}"/>, and their schema
/// as a <see cref="SchemaModule"/>.
/// </summary>
public sealed partial class SqliteBridgeStore : IBridgeStore
{
    private readonly string connectionString;
    private readonly CommittedJobsFeed committed = new();
    private readonly SqliteWriter writer;
    private readonly IReadOnlyList<(string Name, SchemaModuleSteps Steps)> modules;

    /// <param name="modules">The services' own tables, created and upgraded by <see cref="MigrateAsync"/> after the engine's.</param>
    public SqliteBridgeStore(string path, SqliteSynchronous synchronous = SqliteSynchronous.Full, IEnumerable<SchemaModule>? modules = null)
    {
        Path = path;
        this.modules = SchemaModules.Check(modules, m => m.Sqlite);
        connectionString = SqliteConnections.ConnectionString(path);
        writer = new SqliteWriter(connectionString, synchronous, committed);
    }

    public string Provider => "sqlite";

    /// <summary>The database file.</summary>
    public string Path { get; }

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        // The IMMEDIATE transaction holds SQLite's write lock, so two processes migrating at once take turns.
        WriteAsync(scope => SqliteMigrator.Migrate(scope, modules), cancellationToken);

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
        ReadAsync(SqliteMigrator.EngineVersion, cancellationToken);

    public IDisposable ObserveCommittedJobs(IJobsCommittedObserver observer) => committed.Subscribe(observer);

    /// <summary>
    /// Runs <paramref name="work"/> on the single writer, in an IMMEDIATE transaction it may share with other writes
    /// queued meanwhile (each in a savepoint of its own: one that throws is rolled back alone, and its exception is the
    /// task's). The task completes once the transaction has committed. Jobs stored through the scope wake their workers
    /// then. <paramref name="work"/> runs on the writer's thread: keep it to SQL, never wait on anything else in it.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteWriteScope, T> work, CancellationToken cancellationToken) =>
        writer.WriteAsync(work, cancellationToken);

    /// <summary>Runs <paramref name="work"/> on a pooled reading connection of its own (WAL lets it run beside the writer).</summary>
    public Task<T> ReadAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return Task.FromResult(work(connection));
    }

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
}
