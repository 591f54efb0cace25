using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.DealActions;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Tests.Flows.DealActions.Support;
using ContractBridge.Tests.Support;

namespace ContractBridge.Tests.Flows.DealActions;

/// <summary>
/// One bad move never fails a batch. A move Kommo refuses leaves a note saying the deal was not moved and why (the note
/// also carries the contract's news); a deal deleted meanwhile cannot take a note, so its move is a dead letter.
/// </summary>
public sealed class RefusedStageMovesTests
{
    private const string PatchLeads = "PATCH /api/v4/leads";
    private const string Signed = "Ironclad: contract IC-7 was signed (executed).";

    [Fact]
    public async Task LeadDeletedBetweenReadAndMove_TheOthersMoveOnce_AndTheGoneOneIsADeadLetterWithKommosReason()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var (a, b, c) = (rig.Account.AddDeal("Acme"), rig.Account.AddDeal("Blue"), rig.Account.AddDeal("Cyan"));
        var jobs = new[] { a, b, c }.Select(lead => rig.Job(JobKinds.StageMove, lead, ToWon(rig, lead))).ToArray();
        var batch = new RecordingBatch(jobs);
        rig.Wire.Then(() => rig.Kommo.Control.DeleteLead(b));

        await Handler(rig).HandleAsync(batch, CancellationToken.None);

        var gone = Assert.IsType<JobResult.Permanent>(batch.ResultOf(jobs[1]));
        Assert.Equal($"Lead {b} no longer exists in Kommo. Kommo refused the move: id: Lead {b} not found (NotFound)", gone.Error);
        foreach (var (job, lead) in new[] { (jobs[0], a), (jobs[2], c) })
        {
            Assert.StartsWith($"{Signed} The deal moved to '", KommoWriteRig.FollowUpNote(batch.ResultOf(job)), StringComparison.Ordinal);
            Assert.Equal(KommoStatuses.ClosedWon, rig.Kommo.Control.GetLead(lead)!.StatusId);
        }

        Assert.Equal(2, rig.Calls(PatchLeads));
        Assert.Equal(0, rig.Kommo.Control.Calls.TooManyRequests);
    }

    [Fact]
    public async Task MoveToAStageThePipelineLacks_IsRefused_AndItsNoteSaysTheDealWasNotMovedAndWhy()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var (a, b) = (rig.Account.AddDeal("Acme"), rig.Account.AddDeal("Blue"));
        var elsewhere = rig.Account.Partners.StatusId("Intro");
        var good = rig.Job(JobKinds.StageMove, a, ToWon(rig, a));
        var bad = rig.Job(JobKinds.StageMove, b, new StageMoveRequest(b, elsewhere, null, null, null, Signed, "https://ironclad.example/w/7"));
        var batch = new RecordingBatch(good, bad);

        await Handler(rig).HandleAsync(batch, CancellationToken.None);

        Assert.Equal(
            $"{Signed} The deal was not moved: Kommo refused to move it to 'stage {elsewhere}' (status_id: The value you selected is not a valid choice. (NotSupportedChoice)); move it by hand if it belongs there.\nhttps://ironclad.example/w/7",
            KommoWriteRig.FollowUpNote(batch.ResultOf(bad)));
        Assert.Equal(rig.Account.Negotiation, rig.Kommo.Control.GetLead(b)!.StatusId);
        Assert.StartsWith($"{Signed} The deal moved to '", KommoWriteRig.FollowUpNote(batch.ResultOf(good)), StringComparison.Ordinal);
        Assert.Equal(KommoStatuses.ClosedWon, rig.Kommo.Control.GetLead(a)!.StatusId);
    }

    private static StageMoveHandler Handler(KommoWriteRig rig) => new(KommoWriteRig.Options, rig.Client, rig.Directory, new CloseLeadReads(rig.Client, TimeProvider.System));

    private static StageMoveRequest ToWon(KommoWriteRig rig, long lead) =>
        new(lead, KommoStatuses.ClosedWon, rig.Account.Sales.Id, null, null, Signed, string.Empty);
}
