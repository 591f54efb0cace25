using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Engine.Storage.Sqlite;
using ContractBridge.Flows.Story;

namespace ContractBridge.Tests.Flows.Story;

/// <summary>
/// The deal-write log on both databases: a batch is stored in one call, a deal's writes come back newest first in pages,
/// on the lead index, and the purge deletes by age only.
/// </summary>
public sealed class DealWriteLogTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Writes_AreListedByDealNewestFirst_InPages_AndPurgedByAge(string provider)
    {
        await using var database = await Database.OpenAsync(provider);
        var log = DealWriteLogs.For(database.Store);

        await log.RecordAsync(
            [
                new(0, 7, At.AddDays(-400), DealWriteKinds.Note, "long ago"),
                new(0, 7, At, DealWriteKinds.Note, "Contract IC-12 launched"),
                new(0, 8, At, DealWriteKinds.Task, "another deal's task"),
                new(0, 7, At.AddMinutes(1), DealWriteKinds.Stage, "moved to stage 142"),
            ],
            CancellationToken.None);
        var first = await log.ListAsync(7, long.MaxValue, 2, CancellationToken.None);
        var second = await log.ListAsync(7, first[^1].Id, 2, CancellationToken.None);
        var purged = await log.PurgeAsync(At.AddDays(-365), CancellationToken.None);
        var left = await log.ListAsync(7, long.MaxValue, 10, CancellationToken.None);

        Assert.Equal(["moved to stage 142", "Contract IC-12 launched"], first.Select(w => w.Detail));
        Assert.Equal((7L, At.AddMinutes(1), DealWriteKinds.Stage), (first[0].LeadId, first[0].At, first[0].Kind));
        Assert.Equal(["long ago"], second.Select(w => w.Detail));
        Assert.Equal(1, purged);
        Assert.Equal(2, left.Count);
        Assert.Single(await log.ListAsync(8, long.MaxValue, 10, CancellationToken.None));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task ADealsWrites_AreReadOnTheLeadIndex(string provider)
    {
        await using var database = await Database.OpenAsync(provider);
        await using var connection = await database.OpenConnectionAsync();

        var plan = await QueryPlans.ExplainAsync(
            connection,
            provider == "sqlite",
            "SELECT id, lead_id, at, kind, detail FROM deal_writes WHERE lead_id = @lead AND id < @before ORDER BY id DESC LIMIT @limit;",
            new Dictionary<string, object?> { ["@lead"] = 7L, ["@before"] = long.MaxValue, ["@limit"] = 50 });

        Assert.Contains("ix_deal_writes_lead", plan, StringComparison.Ordinal);
    }

    private sealed class Database : IAsyncDisposable
    {
        private readonly PostgresDatabase? _postgres;
        private readonly string? _directory;

        private Database(IBridgeStore store, PostgresDatabase? postgres, string? directory) => (Store, _postgres, _directory) = (store, postgres, directory);

        public IBridgeStore Store { get; }

        public static async Task<Database> OpenAsync(string provider)
        {
            SchemaModule[] modules = [DealWriteSchema.Module];
            if (provider == "sqlite")
            {
                var directory = Directory.CreateTempSubdirectory("cb-writes-").FullName;
                var sqlite = new SqliteBridgeStore(Path.Combine(directory, BridgeStoreFactory.SqliteFileName), SqliteSynchronous.Full, modules);
                await sqlite.MigrateAsync(CancellationToken.None);
                return new Database(sqlite, null, directory);
            }

            var database = await PostgresDatabase.CreateAsync(PostgresDatabase.ResolveServer(null), CancellationToken.None);
            var postgres = new PostgresBridgeStore(database.ConnectionString, modules);
            await postgres.MigrateAsync(CancellationToken.None);
            return new Database(postgres, database, null);
        }

        public async Task<System.Data.Common.DbConnection> OpenConnectionAsync()
        {
            System.Data.Common.DbConnection connection = _postgres is not null
                ? new Npgsql.NpgsqlConnection(_postgres.ConnectionString)
                : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory!, BridgeStoreFactory.SqliteFileName)};Pooling=False");
            await connection.OpenAsync();
            return connection;
        }

        public async ValueTask DisposeAsync()
        {
            await Store.DisposeAsync();
            if (_postgres is not null)
            {
                await _postgres.DisposeAsync();
            }

            if (_directory is not null)
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }
}
