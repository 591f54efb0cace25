using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Engine.Storage.Sqlite;
using ContractBridge.Rules;

namespace ContractBridge.Tests.Rules;

/// <summary>
/// Two rule stores on one fresh database, as two instances open it: SQLite (two stores on one file) or PostgreSQL
/// (<c>CONTRACTBRIDGE_TEST_POSTGRES</c>; the test fails without it, as the other PostgreSQL suites do).
/// </summary>
public sealed class RuleDatabases : IAsyncDisposable
{
    private readonly IBridgeStore _first;
    private readonly IBridgeStore _second;
    private readonly PostgresDatabase? _database;
    private readonly string? _directory;

    private RuleDatabases(IBridgeStore first, IBridgeStore second, PostgresDatabase? database, string? directory)
    {
        (_first, _second, _database, _directory) = (first, second, database, directory);
        First = RuleStores.For(first);
        Second = RuleStores.For(second);
    }

    public IRuleStore First { get; }

    public IRuleStore Second { get; }

    public static async Task<RuleDatabases> OpenAsync(string provider)
    {
        SchemaModule[] modules = [RuleSchema.Module];
        if (provider == "sqlite")
        {
            var directory = Directory.CreateTempSubdirectory("cb-rules-").FullName;
            var file = Path.Combine(directory, BridgeStoreFactory.SqliteFileName);
            var first = new SqliteBridgeStore(file, SqliteSynchronous.Full, modules);
            await first.MigrateAsync(CancellationToken.None);
            return new RuleDatabases(first, new SqliteBridgeStore(file, SqliteSynchronous.Full, modules), null, directory);
        }

        var database = await PostgresDatabase.CreateAsync(PostgresDatabase.ResolveServer(null), CancellationToken.None);
        var one = new PostgresBridgeStore(database.ConnectionString, modules);
        await one.MigrateAsync(CancellationToken.None);
        return new RuleDatabases(one, new PostgresBridgeStore(database.ConnectionString, modules), database, null);
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
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
