using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Sqlite;

public sealed class SqliteWakeOnCommitTests() : WakeOnCommitTests(new SqliteStoreProvider())
{
    [Fact]
    public async Task GroupCommit_TellsTheKindsOfTheWritesThatCommitted_NotOfThoseRolledBack()
    {
        var seen = Observe(Store);

        var writes = Enumerable.Range(0, 60).Select(i => Task.Run(() => WriteJobsAsync(Store, i % 2 == 0 ? $"good-{i}" : $"bad-{i}", fail: i % 2 == 1))).ToList();
        await Task.WhenAll(writes.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));

        var told = seen.SelectMany(kinds => kinds).ToList();
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"good-{i * 2}").Order(StringComparer.Ordinal), told.Order(StringComparer.Ordinal));
        Assert.Equal(30, (await Store.CountAsync(CancellationToken.None)).Pending);
    }
}
