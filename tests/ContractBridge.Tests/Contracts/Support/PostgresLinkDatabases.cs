using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Contracts;
using ContractBridge.Engine.Storage.Postgres;
using Npgsql;

namespace ContractBridge.Tests.Contracts.Support;

/// <summary>
/// A class fixture: its own database on the test server (CONTRACTBRIDGE_TEST_POSTGRES), dropped afterwards, and a fresh
/// schema in it for every test, so classes run in parallel and tests never see each other's rows. Fails, rather than
/// skips, when no server is given.
/// </summary>
public class PostgresLinkDatabases : ILinkDatabases, IAsyncLifetime
{
    /// <summary>The schema modules of each database: the links', and what a subclass adds.</summary>
    protected virtual IReadOnlyList<ContractBridge.Engine.Storage.SchemaModule> Modules => [ContractLinkSchema.Module];

    private PostgresDatabase? database;

    public async Task InitializeAsync() =>
        database = await PostgresDatabase.CreateAsync(PostgresDatabase.ResolveServer(null), CancellationToken.None);

    public async Task<LinkDatabase> NewDatabaseAsync()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(database!.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema};", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema }.ToString();
        return new LinkDatabase("postgresql", connectionString, () => new PostgresBridgeStore(connectionString, Modules));
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
