using Microsoft.Data.Sqlite;

namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log into the database file from a connection and a thread of its own. SQLite's automatic
/// checkpoint runs inside the commit that crosses 1,000 pages of log: that commit, and every webhook answer grouped into
/// it or queued behind it, waited for the copy and the database file's fsync. A PASSIVE checkpoint beside the writer
/// copies what no reader still needs while writes go on appending to the log; the writer's own is turned off.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>How often a log with new commits is copied: a quarter second of writes is a few MB of log at most.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly SqliteConnection connection;
    private readonly Thread thread;
    private readonly ManualResetEventSlim stopping = new();
    private int committedSinceCheckpoint;

    public SqliteCheckpointer(string connectionString, SqliteSynchronous synchronous)
    {
        connection = new SqliteConnection(connectionString);
        connection.Open();
        // The checkpoint's fsync of the database file follows this connection's setting, as the writer's would have.
        SqliteConnections.Execute(connection, $"PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()};");
        thread = new Thread(Run) { IsBackground = true, Name = "SQLite checkpointer" };
        thread.Start();
    }

    /// <summary>The writer committed: the log has frames the database file does not.</summary>
    public void Committed() => Volatile.Write(ref committedSinceCheckpoint, 1);

    /// <summary>Stops the thread after the checkpoint under way, if any. Closing the last connection checkpoints the rest.</summary>
    public void Dispose()
    {
        stopping.Set();
        thread.Join();
        connection.Dispose();
        stopping.Dispose();
    }

    private void Run()
    {
        while (!stopping.Wait(Interval))
        {
            if (Interlocked.Exchange(ref committedSinceCheckpoint, 0) == 0)
            {
                continue;
            }

            try
            {
                SqliteConnections.Execute(connection, "PRAGMA wal_checkpoint(PASSIVE);");
            }
            catch (SqliteException)
            {
                // Another process's checkpoint or a transient I/O error: the log keeps every frame, so try next round.
                Committed();
            }
        }
    }
}
