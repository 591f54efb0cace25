using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Edits;
using ContractBridge.Tests.Support;

namespace ContractBridge.Tests.Flows.Edits;

public sealed class EditSyncMarkersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private readonly MemoryKeyValues _values = new();

    [Fact]
    public async Task JobsStoredBeforeARead_AreAbsorbed_LaterOnesAreNot()
    {
        var markers = new EditSyncMarkers(_values);
        await markers.RecordReadAsync(11, Now, Now, CancellationToken.None);

        Assert.True(await markers.AbsorbedAsync(JobAt(1, Now.AddSeconds(-2)), 11, CancellationToken.None));
        Assert.False(await markers.AbsorbedAsync(JobAt(2, Now.AddMilliseconds(-100)), 11, CancellationToken.None));
        Assert.False(await markers.AbsorbedAsync(JobAt(3, Now.AddSeconds(1)), 11, CancellationToken.None));
        Assert.False(await markers.AbsorbedAsync(JobAt(4, Now.AddSeconds(-2)), 12, CancellationToken.None));
    }

    [Fact]
    public async Task AChangeSet_IsNotedOnce_ButAgainByTheJobWhoseAttemptClaimedIt()
    {
        var markers = new EditSyncMarkers(_values);
        var first = JobAt(1, Now);

        Assert.True(await markers.ClaimNoteAsync(11, "abc", first, Now, CancellationToken.None));
        Assert.True(await markers.ClaimNoteAsync(11, "abc", first, Now, CancellationToken.None));
        Assert.False(await markers.ClaimNoteAsync(11, "abc", JobAt(2, Now), Now, CancellationToken.None));
        Assert.True(await markers.ClaimNoteAsync(11, "def", JobAt(3, Now), Now, CancellationToken.None));
        Assert.True(await markers.ClaimNoteAsync(12, "abc", JobAt(4, Now), Now, CancellationToken.None));
    }

    [Fact]
    public async Task OnceTheDealAndContractAgree_TheSameChangesAreNotedAgain()
    {
        var markers = new EditSyncMarkers(_values);
        await markers.ClaimNoteAsync(11, "abc", JobAt(1, Now), Now, CancellationToken.None);

        await markers.ForgetNoteAsync(11, Now, CancellationToken.None);

        Assert.True(await markers.ClaimNoteAsync(11, "abc", JobAt(2, Now), Now, CancellationToken.None));
    }

    private static Job JobAt(long id, DateTimeOffset created) => new(id, "contract.edits", "lead:11", "{}", 1, created, null);
}
