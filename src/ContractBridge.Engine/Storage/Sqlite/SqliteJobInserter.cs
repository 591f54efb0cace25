using ContractBridge.Engine.Jobs;
using Microsoft.Data.Sqlite;
using static ContractBridge.Engine.Storage.StoreSchema;

namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>
/// One prepared INSERT reused for every job of a transaction (the intake stores hundreds per commit). Each job's kind is
/// noted on the write's scope, to wake its workers after the commit.
/// </summary>
internal sealed class SqliteJobInserter : IDisposable
{
    private readonly SqliteWriteScope scope;
    private readonly SqliteCommand command;
    private readonly SqliteParameter kind;
    private readonly SqliteParameter key;
    private readonly SqliteParameter payload;
    private readonly SqliteParameter due;
    private readonly SqliteParameter eventId;
    private readonly SqliteParameter traceParent;
    private readonly SqliteParameter subject;
    private readonly long now;

    public SqliteJobInserter(SqliteWriteScope scope, DateTimeOffset now)
    {
        this.scope = scope;
        this.now = DbTime.ToMicroseconds(now);
        command = scope.Command($"""
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
        command.Parameters.AddWithValue("@now", this.now);
    }

    public void Insert(IReadOnlyList<NewJob> jobs, long? eventId)
    {
        foreach (var job in jobs)
        {
            kind.Value = job.Kind;
            key.Value = job.Key;
            payload.Value = job.Payload;
            due.Value = job.NotBefore is { } notBefore ? DbTime.ToMicroseconds(notBefore) : now;
            this.eventId.Value = SqliteConnections.Nullable(eventId);
            traceParent.Value = (object?)(job.TraceParent ?? scope.TraceParent) ?? DBNull.Value;
            subject.Value = (object?)job.Subject ?? DBNull.Value;
            command.ExecuteNonQuery();
            scope.Stored.Add(job.Kind);
        }
    }

    public void Dispose() => command.Dispose();
}
