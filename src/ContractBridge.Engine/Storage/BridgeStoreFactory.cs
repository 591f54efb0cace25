using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Engine.Storage.Sqlite;

namespace ContractBridge.Engine.Storage;

/// <summary>Picks the store from configuration: PostgreSQL when a connection string is given, else SQLite under the data directory.</summary>
public static class BridgeStoreFactory
{
    public const string SqliteFileName = "contractbridge.db";

    /// <param name="modules">The services' own tables, migrated with the engine's (see <see cref="SchemaModule"/>).</param>
    public static IBridgeStore Create(StorageOptions options, IEnumerable<SchemaModule>? modules = null)
    {
        if (!string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            return new PostgresBridgeStore(options.PostgresConnectionString, modules);
        }

        Directory.CreateDirectory(options.DataDirectory);
        return new SqliteBridgeStore(Path.Combine(options.DataDirectory, SqliteFileName), options.SqliteSynchronous, modules);
    }
}
