using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;
using ContractBridge.Web.Dashboard;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Operators;

/// <summary>
/// The dashboard's whole-table counts: the first view counts, later views within CountsMaxAge are given the kept
/// counts, a view after it is given them too while one refresh runs behind it, and zero counts on every view.
/// </summary>
public sealed class DashboardCountsTests
{
    [Fact]
    public async Task KeptCounts_AreShownUntilStale_ThenRefreshedBehindTheView()
    {
        await using var database = await Database.OpenAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        var counts = database.Counts(time, TimeSpan.FromSeconds(5));
        await database.AddJobAsync("lead:1");

        var first = await counts.GetAsync(CancellationToken.None);
        await database.AddJobAsync("lead:2");
        time.Advance(TimeSpan.FromSeconds(4));
        var kept = await counts.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        var stale = await counts.GetAsync(CancellationToken.None);
        var refreshed = await Eventually.UntilAsync(() => counts.GetAsync(CancellationToken.None), c => c.Jobs.Pending == 2, "the refresh behind the view");

        Assert.Equal((1L, 1L, 1L), (first.Jobs.Pending, kept.Jobs.Pending, stale.Jobs.Pending));
        Assert.Equal(time.GetUtcNow(), refreshed.At);
    }

    [Fact]
    public async Task ZeroMaxAge_CountsOnEveryView()
    {
        await using var database = await Database.OpenAsync();
        var counts = database.Counts(TimeProvider.System, TimeSpan.Zero);

        await counts.GetAsync(CancellationToken.None);
        await database.AddJobAsync("lead:1");
        var second = await counts.GetAsync(CancellationToken.None);

        Assert.Equal(1, second.Jobs.Pending);
    }

    private sealed class Database : IAsyncDisposable
    {
        private readonly string _directory;
        private readonly SqliteBridgeStore _store;

        private Database(string directory, SqliteBridgeStore store) => (_directory, _store) = (directory, store);

        public static async Task<Database> OpenAsync()
        {
            var directory = Directory.CreateTempSubdirectory("cb-counts-").FullName;
            var store = new SqliteBridgeStore(Path.Combine(directory, BridgeStoreFactory.SqliteFileName), SqliteSynchronous.Full, [ContractLinkSchema.Module]);
            await store.MigrateAsync(CancellationToken.None);
            return new Database(directory, store);
        }

        public DashboardCounts Counts(TimeProvider time, TimeSpan maxAge) =>
            new(_store, ContractLinkStores.For(_store), Options.Create(new BridgeOptions { Dashboard = new DashboardOptions { CountsMaxAge = maxAge } }), time, NullLogger<DashboardCounts>.Instance);

        public async Task AddJobAsync(string key) =>
            await _store.StoreEventsAsync([new InboundEvent("kommo", key, key, "application/json", "{}", [new NewJob("k", key, "{}")])], DateTimeOffset.UtcNow, CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            await _store.DisposeAsync();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
