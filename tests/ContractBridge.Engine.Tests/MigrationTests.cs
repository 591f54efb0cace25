using ContractBridge.Engine.Contracts;
using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests;

/// <summary>The schema creates itself, and starting again (or several instances at once) changes nothing.</summary>
public abstract class MigrationTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private const int LatestVersion = 3;

    protected override bool MigrateFirst => false;

    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesTheLatestSchema()
    {
        Assert.Equal(0, await Store.SchemaVersionAsync(CancellationToken.None));

        await Store.MigrateAsync(CancellationToken.None);

        Assert.Equal(LatestVersion, await Store.SchemaVersionAsync(CancellationToken.None));
        Assert.True(await Store.PingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Migrate_Twice_IsHarmlessAndKeepsTheData()
    {
        await Store.MigrateAsync(CancellationToken.None);
        await Store.SetAsync("k", "v", DateTimeOffset.UnixEpoch, CancellationToken.None);

        await Store.MigrateAsync(CancellationToken.None);

        Assert.Equal(LatestVersion, await Store.SchemaVersionAsync(CancellationToken.None));
        Assert.Equal("v", await Store.GetAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Migrate_AVersion2DatabaseWithContracts_KeepsThem_AndKeepsDealNamesFromThenOn()
    {
        await Store.MigrateAsync(CancellationToken.None);
        await Store.ReserveAsync(42, "MSA", "default", 7, T0, CancellationToken.None);
        await Store.CompleteLaunchAsync(42, 7, "wf-1", "IC-1", "Acme", T0, [], T0, CancellationToken.None);
        // Back to what version 2 left: no deal names, and no record of version 3.
        await ExecuteAsync("ALTER TABLE contract_links DROP COLUMN deal_name; DELETE FROM schema_version WHERE version = 3;");

        var upgraded = Database.Open();
        await upgraded.MigrateAsync(CancellationToken.None);
        await upgraded.ReserveAsync(43, "MSA", "default", 8, T0, CancellationToken.None);
        await upgraded.CompleteLaunchAsync(43, 8, "wf-2", "IC-2", "Initech", T0, [], T0, CancellationToken.None);

        Assert.Equal(LatestVersion, await upgraded.SchemaVersionAsync(CancellationToken.None));
        var old = (await upgraded.FindByWorkflowAsync("wf-1", CancellationToken.None))!;
        Assert.Equal((42L, "IC-1", ContractState.Created, (string?)null), (old.LeadId, old.IroncladNumber, old.State, old.DealName));
        Assert.Equal("Initech", (await upgraded.FindByWorkflowAsync("wf-2", CancellationToken.None))!.DealName);
    }

    [Fact]
    public async Task Migrate_FromSeveralInstancesAtOnce_AllSucceed()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Database.Open()).ToList();

        await Task.WhenAll(instances.Select(i => Task.Run(() => i.MigrateAsync(CancellationToken.None))));

        Assert.Equal(LatestVersion, await Store.SchemaVersionAsync(CancellationToken.None));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using System.Data.Common.DbConnection connection = Database.Provider == "sqlite"
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database.Location};Pooling=False")
            : new Npgsql.NpgsqlConnection(Database.Location);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
