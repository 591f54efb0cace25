namespace ContractBridge.Engine.Storage;

/// <summary>
/// The engine's durable state (events, jobs, dead letters, key/values, leases, running instances) behind one interface with two real
/// implementations, SQLite and PostgreSQL. A service keeps tables of its own beside these through the store's
/// transactional extension point (<c>WriteAsync</c> on either store) and a <see cref="SchemaModule"/>.
/// </summary>
public interface IBridgeStore : IEventStore, IJobStore, ISubjectHistory, IEngineInstances, IKeyValueStore, IAsyncDisposable
{
    /// <summary>"sqlite" or "postgresql".</summary>
    string Provider { get; }

    /// <summary>
    /// Creates or upgrades the schema, the engine's and then the store's modules' (versioned, idempotent; safe when
    /// several instances start at once).
    /// </summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The highest engine schema version applied (0 before the first migration); modules keep versions of their own.</summary>
    Task<int> SchemaVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes finished work older than <paramref name="before"/>: succeeded jobs (with the dead-letter history of those
    /// that were replayed) and received events none of whose jobs is still pending, running or dead. Key/values, the
    /// modules' tables and anything unfinished are kept.
    /// </summary>
    Task<PurgeResult> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>True when the database answers.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}
