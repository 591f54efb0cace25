using ContractBridge.Engine.Storage.Postgres;
using Npgsql;

namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>
/// A class fixture: its own database on the test server (CONTRACTBRIDGE_TEST_POSTGRES), dropped afterwards, and a fresh
/// schema in it for every test, so classes run in parallel and tests never see each other's rows.
/// </summary>
public sealed class PostgresServer : IStoreProvider, IAsyncLifetime
{
    public const string Variable = "CONTRACTBRIDGE_TEST_POSTGRES";

    private string adminConnectionString = string.Empty;
    private string databaseConnectionString = string.Empty;
    private string database = string.Empty;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, and the PostgreSQL tests need a real server: they fail rather than skip. " +
                "Run `bash scripts/test.sh` (it starts a throwaway cluster and sets the variable), or export an Npgsql " +
                "connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres.");
        }

        adminConnectionString = configured;
        database = $"cb_test_{Guid.NewGuid():N}";
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE {database};");
        databaseConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ToString();
    }

    public async Task<TestDatabase> NewDatabaseAsync()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        await ExecuteAsync(databaseConnectionString, $"CREATE SCHEMA {schema};");
        var connectionString = new NpgsqlConnectionStringBuilder(databaseConnectionString) { SearchPath = schema }.ToString();
        return new TestDatabase("postgresql", connectionString, modules => new PostgresBridgeStore(connectionString, modules));
    }

    public async Task DisposeAsync()
    {
        if (database.Length > 0)
        {
            await ExecuteAsync(adminConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE);");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
