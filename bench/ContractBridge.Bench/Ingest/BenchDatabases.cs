using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Engine.Storage.Sqlite;
using Npgsql;

namespace ContractBridge.Bench.Ingest;

/// <summary>A fresh, migrated database per scenario: a SQLite file in a temporary directory, or a PostgreSQL schema.</summary>
internal static class BenchDatabases
{
    public static async Task<(IBridgeStore Store, Func<Task> Drop)> CreateAsync(string provider, string? postgres)
    {
        if (provider == "sqlite")
        {
            var directory = Directory.CreateTempSubdirectory("contractbridge-bench-").FullName;
            var store = new SqliteBridgeStore(Path.Combine(directory, BridgeStoreFactory.SqliteFileName), SqliteSynchronous.Full);
            await store.MigrateAsync(CancellationToken.None);
            return (store, async () =>
            {
                await store.DisposeAsync();
                Directory.Delete(directory, recursive: true);
            });
        }

        var schema = $"bench_{Guid.NewGuid():N}";
        await ExecuteAsync(postgres!, $"CREATE SCHEMA {schema};");
        var pg = new PostgresBridgeStore(new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema, MaxPoolSize = 100 }.ToString());
        await pg.MigrateAsync(CancellationToken.None);
        return (pg, async () =>
        {
            await pg.DisposeAsync();
            await ExecuteAsync(postgres!, $"DROP SCHEMA {schema} CASCADE;");
        });
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
