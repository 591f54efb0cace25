using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests;

/// <summary>The schema creates itself, and starting again (or several instances at once) changes nothing.</summary>
public abstract class MigrationTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private const int LatestVersion = 6;

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

    [Fact]
    public async Task Migrate_AVersion5Database_GivesJobsASubject_AndKeepsTheJobsItHad()
    {
        await Store.MigrateAsync(CancellationToken.None);
        await Store.EnqueueAsync([new NewJob("k", "lead:1", "old")], T0, CancellationToken.None);
        // Back to what version 5 left: no subject column, no index on it, no record of version 6.
        await Database.ExecuteAsync("DROP INDEX jobs_by_subject; ALTER TABLE jobs DROP COLUMN subject; DELETE FROM schema_version WHERE version = 6;");
        Assert.Equal(5, await Store.SchemaVersionAsync(CancellationToken.None));

        var upgraded = Database.Open();
        await upgraded.MigrateAsync(CancellationToken.None);
        await upgraded.EnqueueAsync([new NewJob("k", "lead:2", "new", Subject: "lead:2")], T0, CancellationToken.None);

        Assert.Equal(LatestVersion, await upgraded.SchemaVersionAsync(CancellationToken.None));
        var jobs = await upgraded.ListAsync(null, 10, CancellationToken.None);
        Assert.Equal([("new", "lead:2"), ("old", (string?)null)], jobs.Select(j => (j.Payload, j.Subject)));
        Assert.Equal(["lead:1", "lead:2"], (await upgraded.ClaimAsync("k", 10, "me", T0, TimeSpan.FromMinutes(1), CancellationToken.None)).Select(j => j.Key));
        Assert.Equal("new", Assert.Single(await upgraded.ListJobsBySubjectsAsync(["lead:2"], long.MaxValue, 10, CancellationToken.None)).Payload);
    }
}
