using System.Collections.Concurrent;
using ContractBridge.Engine.Jobs;
using Microsoft.Data.Sqlite;

namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>
/// The one connection that writes, on a thread of its own. SQLite allows a single writer at a time; queueing writes here,
/// in process, means they wait their turn instead of spinning on SQLITE_BUSY. SQLite's calls block (a commit waits for
/// fsync): a dedicated thread keeps that wait off the thread pool, which on a small machine also serves every HTTP request.
/// Writes that queue up while a commit is under way are committed together: one IMMEDIATE transaction, each write in a
/// savepoint of its own (a write that throws is rolled back alone), one fsync, and every result published only after the
/// commit. Under a burst the job outcomes, reservations and intake groups would otherwise each wait for an fsync of their
/// own, in one line, and a webhook's answer would wait behind all of them. The kinds of the jobs the committed writes
/// stored are published once per commit, before the results: by the time a caller hears "stored", the workers are woken.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    /// <summary>The most writes one transaction takes, so a long queue still commits (and answers) in steps.</summary>
    private const int MaxGroup = 256;

    private readonly BlockingCollection<IWrite> queue = [];
    private readonly SqliteConnection connection;
    private readonly Thread thread;
    private readonly SqliteCheckpointer checkpointer;
    private readonly CommittedJobsFeed committed;
    private readonly SqliteStatements statements;
    private int disposed;

    public SqliteWriter(string connectionString, SqliteSynchronous synchronous, CommittedJobsFeed committed)
    {
        this.committed = committed;
        connection = new SqliteConnection(connectionString);
        connection.Open();
        SqliteConnections.Execute(connection, "PRAGMA journal_mode = WAL;");
        // Only another process (a CLI beside the service) can hold the lock; SQLite's own busy handler waits for it in
        // short steps, where the provider's fallback retry sleeps far longer.
        SqliteConnections.Execute(connection, "PRAGMA busy_timeout = 10000;");
        SqliteConnections.Execute(connection, $"PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()};");
        // Commits never copy the log into the database file themselves: the checkpointer does, beside them.
        SqliteConnections.Execute(connection, "PRAGMA wal_autocheckpoint = 0;");
        statements = new SqliteStatements(connection);
        checkpointer = new SqliteCheckpointer(connectionString, synchronous);
        thread = new Thread(Run) { IsBackground = true, Name = "SQLite writer" };
        thread.Start();
    }

    public Task<T> WriteAsync<T>(Func<SqliteWriteScope, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new Write<T>(work, EngineTracing.CurrentTraceParent());
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
        checkpointer.Dispose();
        statements.Dispose();
        connection.Dispose();
        queue.Dispose();
    }

    /// <summary>
    /// Copies the whole log into the database file and has the next write start the log over (RESTART), between two
    /// transactions of this writer, so none is open. For a long run of back-to-back writes (retention's batches), which
    /// the checkpointer's PASSIVE copies beside them might never catch up with, leaving a log that only grows.
    /// Best effort: a reader that holds the log past the busy timeout leaves it as it is.
    /// </summary>
    public Task CheckpointAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var checkpoint = new Checkpoint();
        try
        {
            queue.Add(checkpoint, CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            throw new ObjectDisposedException(nameof(SqliteBridgeStore), "The SQLite store is closed.");
        }

        return checkpoint.Done.Task;
    }

    private void Run()
    {
        var group = new List<IWrite>(MaxGroup);
        IWrite? carried = null;
        while (true)
        {
            var first = carried;
            carried = null;
            if (first is null && !queue.TryTake(out first, Timeout.Infinite))
            {
                return;
            }

            if (first is Checkpoint)
            {
                first.Execute(connection, committed, statements);
                continue;
            }

            group.Clear();
            group.Add(first);
            while (group.Count < MaxGroup && queue.TryTake(out var next))
            {
                if (next is Checkpoint)
                {
                    // A checkpoint runs outside any transaction: after this group, before what follows it.
                    carried = next;
                    break;
                }

                group.Add(next);
            }

            if (group.Count == 1)
            {
                first.Execute(connection, committed, statements);
            }
            else
            {
                ExecuteGroup(group);
            }

            checkpointer.Committed();
        }
    }

    private void ExecuteGroup(List<IWrite> group)
    {
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Stage(connection, transaction, $"w{i}", statements);
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            // Nothing of the group is stored: every write fails with the reason.
            group.ForEach(w => w.Fail(ex));
            return;
        }

        var stored = new StoredJobKinds();
        group.ForEach(w => stored.Add(w.StoredKinds));
        committed.Publish(stored.Kinds);
        group.ForEach(w => w.Publish());
    }

    private interface IWrite
    {
        /// <summary>The kinds of the jobs the write stored; none when it was rolled back.</summary>
        IReadOnlyCollection<string> StoredKinds { get; }

        /// <summary>Runs alone in a transaction of its own, then publishes the jobs it stored and its outcome.</summary>
        void Execute(SqliteConnection connection, CommittedJobsFeed committed, SqliteStatements statements);

        /// <summary>Runs inside the group's transaction, in a savepoint; keeps its outcome until <see cref="Publish"/>.</summary>
        void Stage(SqliteConnection connection, SqliteTransaction transaction, string savepoint, SqliteStatements statements);

        /// <summary>The group committed: the result (or the write's own failure) is given to the caller.</summary>
        void Publish();

        void Fail(Exception exception);
    }

    private sealed class Checkpoint : IWrite
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyCollection<string> StoredKinds => [];

        public void Execute(SqliteConnection connection, CommittedJobsFeed committed, SqliteStatements statements)
        {
            try
            {
                SqliteConnections.Execute(connection, "PRAGMA wal_checkpoint(RESTART);");
            }
            catch (SqliteException)
            {
                // The checkpointer's own copy under way, or a reader past the busy timeout: the log stays for now.
            }

            Done.TrySetResult();
        }

        public void Stage(SqliteConnection connection, SqliteTransaction transaction, string savepoint, SqliteStatements statements) =>
            throw new InvalidOperationException("A checkpoint is never part of a group.");

        public void Publish()
        {
        }

        public void Fail(Exception exception) => Done.TrySetException(exception);
    }

    private sealed class Write<T>(Func<SqliteWriteScope, T> work, string? traceParent) : IWrite
    {
        private const int SQLiteFull = 13;
        private const int SQLiteIoErr = 10;

        private T? staged;
        private Exception? failure;
        private SqliteWriteScope? scope;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyCollection<string> StoredKinds => failure is null && scope is not null ? scope.Stored.Kinds : [];

        public void Execute(SqliteConnection connection, CommittedJobsFeed committed, SqliteStatements statements)
        {
            try
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                scope = new SqliteWriteScope(connection, transaction, traceParent, statements);
                var result = work(scope);
                transaction.Commit();
                committed.Publish(scope.Stored.Kinds);
                Done.SetResult(result);
            }
            catch (Exception ex)
            {
                Done.SetException(ex);
            }
        }

        public void Stage(SqliteConnection connection, SqliteTransaction transaction, string savepoint, SqliteStatements statements)
        {
            transaction.Save(savepoint);
            try
            {
                scope = new SqliteWriteScope(connection, transaction, traceParent, statements);
                staged = work(scope);
                transaction.Release(savepoint);
            }
            catch (Exception ex) when (ex is not SqliteException { SqliteErrorCode: SQLiteFull or SQLiteIoErr })
            {
                failure = ex;
                transaction.Rollback(savepoint);
                transaction.Release(savepoint);
            }
        }

        public void Publish()
        {
            if (failure is not null)
            {
                Done.SetException(failure);
            }
            else
            {
                Done.SetResult(staged!);
            }
        }

        public void Fail(Exception exception) => Done.TrySetException(exception);
    }
}
