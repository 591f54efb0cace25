using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Flows.Activity;

namespace ContractBridge.Tests.Flows.Activity;

/// <summary>
/// Two instances on one PostgreSQL database (CONTRACTBRIDGE_TEST_POSTGRES), each with its own store: when both relay the
/// same list at once (jobs of one workflow never run side by side, but this must hold even if they did), exactly one
/// moves the cursor and so exactly one writes the notes; the other reads again and finds them told.
/// </summary>
public sealed class RelayCursorFleetTests
{
    private const string Key = "ironclad-activity:comments:611f";

    [Fact]
    public async Task TwoInstancesRelayingAtOnce_OnlyOneMovesTheCursor()
    {
        await using var database = await PostgresDatabase.CreateAsync(PostgresDatabase.ResolveServer(null), CancellationToken.None);
        await using var first = new PostgresBridgeStore(database.ConnectionString);
        await using var second = new PostgresBridgeStore(database.ConnectionString);
        await first.MigrateAsync(CancellationToken.None);
        var (one, other) = (new RelayCursor(first, TimeProvider.System), new RelayCursor(second, TimeProvider.System));

        var readByOne = await one.ReadAsync(Key, JobNumber(1), CancellationToken.None);
        var readByOther = await other.ReadAsync(Key, JobNumber(2), CancellationToken.None);
        var moved = await Task.WhenAll(
            one.MoveAsync(readByOne, JobNumber(1), "[\"a\"]", CancellationToken.None),
            other.MoveAsync(readByOther, JobNumber(2), "[\"a\"]", CancellationToken.None));
        var again = await other.ReadAsync(Key, JobNumber(3), CancellationToken.None);

        Assert.Single(moved, m => m);
        Assert.Equal("[\"a\"]", again.State);
    }

    private static Job JobNumber(long id) => new(id, "contract.activity", "workflow:611f", "{}", 1, DateTimeOffset.UnixEpoch, null);
}
