using ContractBridge.Flows.DealActions;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Tests.Flows.DealActions.Support;
using ContractBridge.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Flows.DealActions;

/// <summary>
/// A close's read of its deal goes beside the workflow's read when nothing would be gathered with it
/// (<see cref="CloseLeadReads"/>); a move made while that read is fresh trusts it, and one made later reads the deal again.
/// </summary>
public sealed class SeenLeadMovesTests
{
    private const string GetLeads = "GET /api/v4/leads";
    private const string PatchLeads = "PATCH /api/v4/leads";
    private const string Signed = "Ironclad: contract IC-7 was signed (executed).";

    [Fact]
    public async Task AMoveWithAFreshRead_MovesTheDealWithoutReadingItAgain()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var lead = rig.Account.AddDeal("Acme");
        var seen = new SeenLead(rig.Account.Sales.Id, rig.Account.Negotiation, time.GetUtcNow());
        var job = rig.Job(JobKinds.StageMove, lead, ToWon(rig, lead, seen));
        var batch = new RecordingBatch(job);

        await Handler(rig, time).HandleAsync(batch, CancellationToken.None);

        Assert.Equal(KommoStatuses.ClosedWon, rig.Kommo.Control.GetLead(lead)!.StatusId);
        Assert.StartsWith($"{Signed} The deal moved to '", KommoWriteRig.FollowUpNote(batch.ResultOf(job)), StringComparison.Ordinal);
        Assert.Equal(0, rig.Calls(GetLeads));
        Assert.Equal(1, rig.Calls(PatchLeads));
    }

    [Fact]
    public async Task AMoveWithAStaleRead_ReadsTheDeal_AndLeavesADealAPersonClosedMeanwhileWhereTheyPutIt()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var lead = rig.Account.AddDeal("Acme");
        var seen = new SeenLead(rig.Account.Sales.Id, rig.Account.Negotiation, time.GetUtcNow());
        rig.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [lead], StatusId = KommoStatuses.ClosedLost });
        time.Advance(CloseLeadReads.FreshFor + TimeSpan.FromMilliseconds(1));
        var job = rig.Job(JobKinds.StageMove, lead, ToWon(rig, lead, seen));
        var batch = new RecordingBatch(job);

        await Handler(rig, time).HandleAsync(batch, CancellationToken.None);

        Assert.Equal(KommoStatuses.ClosedLost, rig.Kommo.Control.GetLead(lead)!.StatusId);
        Assert.Contains("The deal was not moved: it is already in '", KommoWriteRig.FollowUpNote(batch.ResultOf(job)), StringComparison.Ordinal);
        Assert.Equal(1, rig.Calls(GetLeads));
        Assert.Equal(0, rig.Calls(PatchLeads));
    }

    [Fact]
    public async Task TheReadBesideTheWorkflow_SaysWhereTheDealStands_WhenNoMoveIsInFlight()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var lead = rig.Account.AddDeal("Acme");
        var reads = new CloseLeadReads(rig.Client, TimeProvider.System);

        using var close = reads.BeginClose(lead, CancellationToken.None);
        var seen = await close.Seen;

        Assert.NotNull(seen);
        Assert.Equal((rig.Account.Sales.Id, rig.Account.Negotiation), (seen.PipelineId, seen.StatusId));
        Assert.True(reads.IsFresh(seen));
    }

    [Fact]
    public async Task WhileMovesAreInFlight_NoReadIsMadeBesideAWorkflow_TheMovesReadTheirDealsTogether()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var lead = rig.Account.AddDeal("Acme");
        var reads = new CloseLeadReads(rig.Client, TimeProvider.System);

        SeenLead? whileMoving;
        using (reads.MovesInFlight())
        {
            using var close = reads.BeginClose(lead, CancellationToken.None);
            whileMoving = await close.Seen;
        }

        using var afterwards = reads.BeginClose(lead, CancellationToken.None);

        Assert.Null(whileMoving);
        Assert.NotNull(await afterwards.Seen);
        Assert.Equal(1, rig.Calls(GetLeads));
    }

    [Fact]
    public async Task WhileAnotherDealsCloseIsBeingSynced_NoReadIsMade_ButSyncsOfOneDealShareItsRead()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var (a, b) = (rig.Account.AddDeal("Acme"), rig.Account.AddDeal("Blue"));
        var reads = new CloseLeadReads(rig.Client, TimeProvider.System);

        using (var first = reads.BeginClose(a, CancellationToken.None))
        {
            using var sameDeal = reads.BeginClose(a, CancellationToken.None);
            using var otherDeal = reads.BeginClose(b, CancellationToken.None);
            Assert.NotNull(await first.Seen);
            Assert.Same(await first.Seen, await sameDeal.Seen);
            Assert.Null(await otherDeal.Seen);
        }

        using (var alone = reads.BeginClose(b, CancellationToken.None))
        {
            Assert.NotNull(await alone.Seen);
        }

        Assert.Equal(2, rig.Calls(GetLeads));
    }

    private static StageMoveHandler Handler(KommoWriteRig rig, TimeProvider time) =>
        new(KommoWriteRig.Options, rig.Client, rig.Directory, new CloseLeadReads(rig.Client, time));

    private static StageMoveRequest ToWon(KommoWriteRig rig, long lead, SeenLead seen) =>
        new(lead, KommoStatuses.ClosedWon, rig.Account.Sales.Id, null, null, Signed, string.Empty, seen);
}
