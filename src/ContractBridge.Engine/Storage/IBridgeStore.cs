namespace ContractBridge.Engine.Storage;

/// <summary>Everything ContractBridge keeps, behind one interface with two real implementations: SQLite and PostgreSQL.</summary>
public interface IBridgeStore : IEventStore, IJobStore, IContractLinkStore, IKeyValueStore, IAsyncDisposable
{
    /// <summary>"sqlite" or "postgresql".</summary>
    string Provider { get; }

    /// <summary>Creates or upgrades the schema (versioned, idempotent; safe when several instances start at once).</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The highest schema version applied (0 before the first migration).</summary>
    Task<int> SchemaVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes finished work older than <paramref name="before"/>: succeeded jobs (with the dead-letter history of those
    /// that were replayed) and received events none of whose jobs is still pending, running or dead. Links, state and
    /// anything unfinished are kept.
    /// </summary>
    Task<PurgeResult> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>True when the database answers.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}
