using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Upstream.Budget;
using Npgsql;

namespace ContractBridge.Tests.Upstream.Budget.Support;

/// <summary>
/// A class fixture: its own database on the test server (CONTRACTBRIDGE_TEST_POSTGRES), dropped afterwards, and a fresh
/// schema in it per test. Fails, rather than skips, when no server is given.
/// </summary>
public sealed class PostgresBudgetDatabases : IBudgetDatabases, IAsyncLifetime
{
    private PostgresDatabase? database;

    public async Task InitializeAsync() =>
        database = await PostgresDatabase.CreateAsync(PostgresDatabase.ResolveServer(null), CancellationToken.None);

    public async Task<BudgetDatabase> NewDatabaseAsync()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(database!.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema};", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema }.ToString();
        return new BudgetDatabase(() => new PostgresBridgeStore(connectionString, [RateBudgetSchema.Module]), () => Task.CompletedTask);
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
