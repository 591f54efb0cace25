using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Activity;
using ContractBridge.Tests.Support;

namespace ContractBridge.Tests.Flows.Activity;

public sealed class RelayCursorTests
{
    private const string Key = "ironclad-activity:comments:611f";
    private readonly RelayCursor _cursor = new(new MemoryKeyValues(), TimeProvider.System);

    [Fact]
    public async Task ANewCursor_StartsFromNothing_AndAMoveIsWhereTheNextJobStarts()
    {
        var first = await _cursor.ReadAsync(Key, JobNumber(1), CancellationToken.None);
        Assert.True(await _cursor.MoveAsync(first, JobNumber(1), "[\"a\"]", CancellationToken.None));

        var next = await _cursor.ReadAsync(Key, JobNumber(2), CancellationToken.None);

        Assert.Null(first.State);
        Assert.Equal("[\"a\"]", next.State);
    }

    [Fact]
    public async Task TheJobThatMovedIt_StartsAgainFromWhereItStarted_SoItsNotesAreWrittenAgain()
    {
        var before = await _cursor.ReadAsync(Key, JobNumber(1), CancellationToken.None);
        await _cursor.MoveAsync(before, JobNumber(1), "[\"a\"]", CancellationToken.None);
        var second = await _cursor.ReadAsync(Key, JobNumber(2), CancellationToken.None);
        await _cursor.MoveAsync(second, JobNumber(2), "[\"a\",\"b\"]", CancellationToken.None);

        var rerun = await _cursor.ReadAsync(Key, JobNumber(2), CancellationToken.None);
        var other = await _cursor.ReadAsync(Key, JobNumber(3), CancellationToken.None);

        Assert.Equal("[\"a\"]", rerun.State);
        Assert.Equal("[\"a\",\"b\"]", other.State);
    }

    [Fact]
    public async Task ACursorMovedMeanwhile_RefusesTheMove()
    {
        var mine = await _cursor.ReadAsync(Key, JobNumber(1), CancellationToken.None);
        var theirs = await _cursor.ReadAsync(Key, JobNumber(2), CancellationToken.None);
        Assert.True(await _cursor.MoveAsync(theirs, JobNumber(2), "[\"x\"]", CancellationToken.None));

        Assert.False(await _cursor.MoveAsync(mine, JobNumber(1), "[\"y\"]", CancellationToken.None));
    }

    private static Job JobNumber(long id) => new(id, "contract.activity", "workflow:611f", "{}", 1, DateTimeOffset.UnixEpoch, null);
}
