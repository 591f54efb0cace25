using ContractBridge.Engine.Jobs;
using Microsoft.Data.Sqlite;

namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>
/// One write's place in the SQLite writer's transaction: the connection and transaction its commands run in, and the
/// jobs it stores there. A service's own tables are written through this too (see
/// <see cref="SqliteBridgeStore.WriteAsync{T}"/>), so their changes and the jobs that follow them commit together. The
/// jobs' workers are woken once the transaction commits; a write that throws is rolled back with its jobs, and wakes nobody.
/// </summary>
public sealed class SqliteWriteScope
{
    internal SqliteWriteScope(SqliteConnection connection, SqliteTransaction transaction, string? traceParent, SqliteStatements statements)
    {
        Statements = statements;
        Connection = connection;
        Transaction = transaction;
        TraceParent = traceParent;
    }

    /// <summary>
    /// The span current where the write was asked for (it runs on the writer's thread): the traceparent its jobs get
    /// when they bring none of their own.
    /// </summary>
    internal string? TraceParent { get; }

    public SqliteConnection Connection { get; }

    public SqliteTransaction Transaction { get; }

    internal StoredJobKinds Stored { get; } = new();

    /// <summary>The commands the writer keeps prepared on its connection; set their transaction to this one before use.</summary>
    internal SqliteStatements Statements { get; }

    /// <summary>A command in this write's transaction.</summary>
    public SqliteCommand Command(string sql) => SqliteConnections.Command(Connection, Transaction, sql);

    /// <summary>Stores <paramref name="jobs"/> in this write's transaction, created at <paramref name="now"/> and due then unless they say otherwise.</summary>
    public void InsertJobs(IReadOnlyList<NewJob> jobs, DateTimeOffset now)
    {
        if (jobs.Count == 0)
        {
            return;
        }

        Statements.Get(static c => new SqliteJobInserter(c)).Insert(this, jobs, eventId: null, now);
    }
}
