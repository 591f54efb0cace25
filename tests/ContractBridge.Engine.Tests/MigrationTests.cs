using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests;

/// <summary>The schema creates itself, and starting again (or several instances at once) changes nothing.</summary>
public abstract class MigrationTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private const int LatestVersion = 5;

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
    public async Task Migrate_FromSeveralInstancesAtOnce_AllSucceed()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Database.Open()).ToList();

        await Task.WhenAll(instances.Select(i => Task.Run(() => i.MigrateAsync(CancellationToken.None))));

        Assert.Equal(LatestVersion, await Store.SchemaVersionAsync(CancellationToken.None));
    }
}
