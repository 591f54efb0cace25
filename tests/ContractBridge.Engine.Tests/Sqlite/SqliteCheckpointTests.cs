using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;
using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Sqlite;

/// <summary>The write-ahead log reaches the database file by the store's own checkpointer, not inside a commit.</summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("contractbridge-checkpoint-tests-").FullName;

    [Fact]
    public async Task Commits_AreCopiedIntoTheDatabaseFile_WellBeforeSqlitesOwnThreshold()
    {
        var path = Path.Combine(directory, BridgeStoreFactory.SqliteFileName);
        await using var store = new SqliteBridgeStore(path);
        await store.MigrateAsync(CancellationToken.None);
        var payload = new string('x', 1024);

        // 256 KB of jobs: about 70 pages of log, far under the 1,000 at which SQLite would checkpoint on a commit.
        await store.EnqueueAsync([.. Enumerable.Range(0, 256).Select(i => Engines.Job("k", $"lead:{i}", payload))], DateTimeOffset.UtcNow, CancellationToken.None);

        await Eventually.TrueAsync(() => new FileInfo(path).Length > 256 * 1024, "the jobs to be in the database file, not only in its log");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
