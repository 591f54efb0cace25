using ContractBridge.Engine.Jobs;
using Microsoft.Data.Sqlite;
using static ContractBridge.Engine.Storage.StoreSchema;

namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>
/// One prepared INSERT for every job the writer stores (the intake stores hundreds per commit), kept with the writer's
/// connection (<see cref="SqliteStatements"/>). Each job's kind is noted on the write's scope, to wake its workers after
/// the commit.
/// </summary>
internal sealed class SqliteJobInserter : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter kind;
    private readonly SqliteParameter key;
    private readonly SqliteParameter payload;
    private readonly SqliteParameter due;
    private readonly SqliteParameter eventId;
    private readonly SqliteParameter traceParent;
    private readonly SqliteParameter subject;
    private readonly SqliteParameter created;

    public SqliteJobInserter(SqliteConnection connection)
    {
        command = SqliteConnections.Command(connection, null, $"""
            INSERT INTO {JobsTable} ({JobInsertColumns})
            VALUES (@kind, @key, @payload, '{Pending}', 0, @due, @event, @now, @now, @trace, @subject);
            """);
        kind = command.Parameters.Add("@kind", SqliteType.Text);
        key = command.Parameters.Add("@key", SqliteType.Text);
        payload = command.Parameters.Add("@payload", SqliteType.Text);
        due = command.Parameters.Add("@due", SqliteType.Integer);
        eventId = command.Parameters.Add("@event", SqliteType.Integer);
        traceParent = command.Parameters.Add("@trace", SqliteType.Text);
        subject = command.Parameters.Add("@subject", SqliteType.Text);
        created = command.Parameters.Add("@now", SqliteType.Integer);
    }

    /// <summary>Stores <paramref name="jobs"/> in the scope's transaction, created at <paramref name="now"/> and due then unless they say otherwise.</summary>
    public void Insert(SqliteWriteScope scope, IReadOnlyList<NewJob> jobs, long? eventId, DateTimeOffset now)
    {
        var at = DbTime.ToMicroseconds(now);
        command.Transaction = scope.Transaction;
        created.Value = at;
        this.eventId.Value = SqliteConnections.Nullable(eventId);
        foreach (var job in jobs)
        {
            kind.Value = job.Kind;
            key.Value = job.Key;
            payload.Value = job.Payload;
            due.Value = job.NotBefore is { } notBefore ? DbTime.ToMicroseconds(notBefore) : at;
            traceParent.Value = (object?)(job.TraceParent ?? scope.TraceParent) ?? DBNull.Value;
            subject.Value = (object?)job.Subject ?? DBNull.Value;
            command.ExecuteNonQuery();
            scope.Stored.Add(job.Kind);
        }
    }

    public void Dispose() => command.Dispose();
}
