using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>
/// The one connection that writes, on a thread of its own. SQLite allows a single writer at a time; queueing writes here,
/// in process, means they wait their turn instead of spinning on SQLITE_BUSY, and every write runs in its own IMMEDIATE
/// transaction. SQLite's calls block (a commit waits for fsync): a dedicated thread keeps that wait off the thread pool,
/// which on a small machine also serves every HTTP request. Callers batch work (the intake's group commit) so that one
/// transaction, and one fsync, serves many requests.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly BlockingCollection<IWrite> queue = [];
    private readonly SqliteConnection connection;
    private readonly Thread thread;
    private int disposed;

    public SqliteWriter(string connectionString, SqliteSynchronous synchronous)
    {
        connection = new SqliteConnection(connectionString);
        connection.Open();
        SqliteConnections.Execute(connection, "PRAGMA journal_mode = WAL;");
        // Only another process (a CLI beside the service) can hold the lock; SQLite's own busy handler waits for it in
        // short steps, where the provider's fallback retry sleeps far longer.
        SqliteConnections.Execute(connection, "PRAGMA busy_timeout = 10000;");
        SqliteConnections.Execute(connection, $"PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()};");
        thread = new Thread(Run) { IsBackground = true, Name = "SQLite writer" };
        thread.Start();
    }

    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new Write<T>(work);
        try
        {
            queue.Add(write, CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            throw new ObjectDisposedException(nameof(SqliteBridgeStore), "The SQLite store is closed.");
        }

        return write.Done.Task;
    }

    /// <summary>Finishes the writes already queued, then closes the connection. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        queue.CompleteAdding();
        thread.Join();
        connection.Dispose();
        queue.Dispose();
    }

    private void Run()
    {
        foreach (var write in queue.GetConsumingEnumerable())
        {
            write.Execute(connection);
        }
    }

    private interface IWrite
    {
        void Execute(SqliteConnection connection);
    }

    private sealed class Write<T>(Func<SqliteConnection, SqliteTransaction, T> work) : IWrite
    {
        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Execute(SqliteConnection connection)
        {
            try
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                var result = work(connection, transaction);
                transaction.Commit();
                Done.SetResult(result);
            }
            catch (Exception ex)
            {
                Done.SetException(ex);
            }
        }
    }
}
