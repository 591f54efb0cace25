using ContractBridge.Engine.Jobs;
using Npgsql;

namespace ContractBridge.Engine.Storage.Postgres;

/// <summary>
/// One transaction on a pooled connection, and the jobs stored in it. A service's own tables are written through this
/// too (see <see cref="PostgresBridgeStore.WriteAsync{T}"/>), so their changes and the jobs that follow them commit
/// together. The jobs' workers in this process are woken once the transaction commits; other instances find them by polling.
/// </summary>
public sealed class PostgresWriteScope
{
    internal PostgresWriteScope(NpgsqlConnection connection, NpgsqlTransaction transaction, string? traceParent)
    {
        Connection = connection;
        Transaction = transaction;
        TraceParent = traceParent;
    }

    /// <summary>The span current where the write began: the traceparent its jobs get when they bring none of their own.</summary>
    internal string? TraceParent { get; }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    internal StoredJobKinds Stored { get; } = new();

    /// <summary>A command in this transaction.</summary>
    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    /// <summary>Stores <paramref name="jobs"/> in this transaction with one statement, created at <paramref name="now"/> and due then unless they say otherwise.</summary>
    public Task InsertJobsAsync(IReadOnlyList<NewJob> jobs, DateTimeOffset now, CancellationToken cancellationToken) =>
        PostgresJobInserts.InsertAsync(this, jobs, now, cancellationToken);
}
