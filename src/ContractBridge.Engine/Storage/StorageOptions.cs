namespace ContractBridge.Engine.Storage;

/// <summary>Where ContractBridge keeps its state: PostgreSQL when a connection string is given, else a SQLite file.</summary>
public sealed class StorageOptions
{
    /// <summary>Holds <c>contractbridge.db</c> when SQLite is used. Created when missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>An Npgsql connection string; when set, PostgreSQL is used and several instances may share it.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>
    /// SQLite's <c>synchronous</c> setting. FULL (the default) fsyncs the WAL at every commit, so an acknowledged event
    /// survives a power cut as well as a crash; NORMAL survives a process crash (kill -9) but may lose the last commits on
    /// power loss. Group commit makes FULL affordable: one fsync covers a whole batch of requests.
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;
}
