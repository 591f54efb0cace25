using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Engine.Storage.Sqlite;
using ContractBridge.Secrets;

namespace ContractBridge.Tests.Secrets;

/// <summary>
/// Two stores on one fresh database with the key ring's table, as two instances of the service open it: SQLite (two
/// stores on one file) or PostgreSQL (<c>CONTRACTBRIDGE_TEST_POSTGRES</c>; the test fails without it, as the other
/// PostgreSQL suites do).
/// </summary>
public sealed class KeyRingDatabases : IAsyncDisposable
{
    private readonly PostgresDatabase? _database;
    private readonly string? _directory;

    private KeyRingDatabases(IBridgeStore first, IBridgeStore second, PostgresDatabase? database, string? directory)
    {
        First = first;
        Second = second;
        _database = database;
        _directory = directory;
    }

    public IBridgeStore First { get; }

    public IBridgeStore Second { get; }

    public static async Task<KeyRingDatabases> OpenAsync(string provider)
    {
        SchemaModule[] modules = [KeyRingSchema.Module];
        if (provider == "sqlite")
        {
            var directory = Directory.CreateTempSubdirectory("cb-keyring-").FullName;
            var file = Path.Combine(directory, BridgeStoreFactory.SqliteFileName);
            var first = new SqliteBridgeStore(file, SqliteSynchronous.Full, modules);
            await first.MigrateAsync(CancellationToken.None);
            return new KeyRingDatabases(first, new SqliteBridgeStore(file, SqliteSynchronous.Full, modules), null, directory);
        }

        var database = await PostgresDatabase.CreateAsync(PostgresDatabase.ResolveServer(null), CancellationToken.None);
        var one = new PostgresBridgeStore(database.ConnectionString, modules);
        await one.MigrateAsync(CancellationToken.None);
        return new KeyRingDatabases(one, new PostgresBridgeStore(database.ConnectionString, modules), database, null);
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
