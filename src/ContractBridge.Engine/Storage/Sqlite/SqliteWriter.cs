using Microsoft.Data.Sqlite;

namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>
/// The one connection that writes. SQLite allows a single writer at a time; serialising writes here, in process, means
/// they queue on a semaphore instead of spinning on SQLITE_BUSY, and every write runs in its own IMMEDIATE transaction.
/// Callers batch work (the intake's group commit) so that one transaction, and one fsync, serves many requests.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly SqliteConnection connection;

    public SqliteWriter(string connectionString, SqliteSynchronous synchronous)
    {
        connection = new SqliteConnection(connectionString);
        connection.Open();
        SqliteConnections.Execute(connection, "PRAGMA journal_mode = WAL;");
        // Only another process (a CLI beside the service) can hold the lock; SQLite's own busy handler waits for it in
        // short steps, where the provider's fallback retry sleeps far longer.
        SqliteConnections.Execute(connection, "PRAGMA busy_timeout = 10000;");
        SqliteConnections.Execute(connection, $"PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()};");
    }

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        connection.Dispose();
        gate.Dispose();
    }
}
