using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

/// <summary>Deal ↔ contract links: one active contract per lead, launch reservations, and Ironclad's ordering of states.</summary>
public abstract class ContractLinkTests(ILinkDatabases databases) : LinkStoreTestBase(databases)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Reserve_FreeLead_ReservesItForTheJob()
    {
        var outcome = await Links.ReserveAsync(42, "MSA", "default", jobId: 7, T0, None);

        Assert.Equal(ReservationStatus.Reserved, outcome.Status);
        Assert.Equal(new ContractLink(42, null, null, "MSA", "default", ContractState.Launching, false, null, T0, T0, 7), outcome.Link);
        Assert.Equal(outcome.Link, await Links.FindActiveByLeadAsync(42, None));
    }

    [Fact]
    public async Task Reserve_BySameJobAgain_IsReservedByThisJob()
    {
        await Links.ReserveAsync(42, "MSA", "default", 7, T0, None);

        var rerun = await Links.ReserveAsync(42, "MSA", "default", 7, T0.AddMinutes(1), None);

        Assert.Equal(ReservationStatus.ReservedByThisJob, rerun.Status);
        Assert.Equal(7, rerun.Link.LaunchJobId);
    }

    [Fact]
    public async Task Reserve_ByAnotherJob_ReportsTheActiveContract()
    {
        await Links.ReserveAsync(42, "MSA", "default", 7, T0, None);
        await Links.CompleteLaunchAsync(new LaunchRecord(42, 7, "wf-1", "IC-1", null, T0), [], T0, None);

        var other = await Links.ReserveAsync(42, "NDA", "other", 8, T0.AddMinutes(1), None);

        Assert.Equal(ReservationStatus.ActiveContractExists, other.Status);
        Assert.Equal("wf-1", other.Link.WorkflowId);
    }

    [Fact]
    public async Task Reserve_RacingFromSeveralInstances_OnlyOneWins()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Database.Open().Links).ToList();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => instances[i % instances.Count].ReserveAsync(99, "MSA", "default", jobId: 1000 + i, T0, None))));

        var winner = Assert.Single(outcomes, o => o.Status == ReservationStatus.Reserved);
        Assert.All(outcomes.Where(o => o != winner), o =>
        {
            Assert.Equal(ReservationStatus.ActiveContractExists, o.Status);
            Assert.Equal(winner.Link.LaunchJobId, o.Link.LaunchJobId);
        });
    }

    [Fact]
    public async Task CancelledContract_FreesTheLeadForANewLaunch()
    {
        await Links.ReserveAsync(42, "MSA", "default", 7, T0, None);
        await Links.CompleteLaunchAsync(new LaunchRecord(42, 7, "wf-1", "IC-1", null, T0), [], T0, None);
        await Links.ApplyStateAsync("wf-1", ContractState.Cancelled, false, T0.AddMinutes(5), [], T0.AddMinutes(5), None);

        var again = await Links.ReserveAsync(42, "MSA", "default", 8, T0.AddMinutes(6), None);

        Assert.Equal(ReservationStatus.Reserved, again.Status);
        Assert.Equal(8, (await Links.FindActiveByLeadAsync(42, None))!.LaunchJobId);
        Assert.Equal(ContractState.Cancelled, (await Links.FindByWorkflowAsync("wf-1", None))!.State);
    }

    [Fact]
    public async Task ReleaseReservation_FreesTheLead_ButNeverALaunchedContract()
    {
        await Links.ReserveAsync(42, "MSA", "default", 7, T0, None);
        await Links.ReserveAsync(43, "MSA", "default", 8, T0, None);
        await Links.CompleteLaunchAsync(new LaunchRecord(43, 8, "wf-43", "IC-43", null, T0), [], T0, None);

        await Links.ReleaseReservationAsync(42, 7, None);
        await Links.ReleaseReservationAsync(43, 8, None);

        Assert.Null(await Links.FindActiveByLeadAsync(42, None));
        Assert.NotNull(await Links.FindActiveByLeadAsync(43, None));
    }

    [Fact]
    public async Task CompleteLaunch_FillsInTheWorkflow_AndStoresFollowUpsTogether()
    {
        await Links.ReserveAsync(42, "MSA", "default", 7, T0, None);

        await Links.CompleteLaunchAsync(new LaunchRecord(42, 7, "wf-1", "IC-12", "Acme — 50 seats", T0.AddSeconds(3)), [Job("kommo.note", "lead:42")], T0.AddSeconds(4), None);

        var link = (await Links.FindByWorkflowAsync("wf-1", None))!;
        Assert.Equal((ContractState.Created, "IC-12", T0.AddSeconds(3), T0.AddSeconds(4)), (link.State, link.IroncladNumber, link.IroncladUpdatedAt, link.UpdatedAt));
        Assert.Equal("Acme — 50 seats", link.DealName);
        Assert.Single(await Store.ClaimAsync("kommo.note", 10, "me", T0.AddSeconds(4), TimeSpan.FromSeconds(30), None));
        Assert.Equal([link], await Links.ListOpenAsync(None));
    }

    [Fact]
    public async Task CompleteLaunch_WithoutReservation_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Links.CompleteLaunchAsync(new LaunchRecord(42, 7, "wf-1", "IC-12", null, T0), [], T0, None));
    }

    [Fact]
    public async Task ApplyState_NewerIsApplied_OlderAndRepeatedAreIgnored()
    {
        await LaunchedAsync(42, "wf-1");
        var review = Job("deal.note", "lead:42", "review");

        var applied = await Links.ApplyStateAsync("wf-1", ContractState.Review, false, T0.AddMinutes(2), [review], T0.AddMinutes(2), None);
        var repeated = await Links.ApplyStateAsync("wf-1", ContractState.Review, false, T0.AddMinutes(2), [review], T0.AddMinutes(3), None);
        var stale = await Links.ApplyStateAsync("wf-1", ContractState.Draft, false, T0.AddMinutes(1), [Job("deal.note", "lead:42", "draft")], T0.AddMinutes(3), None);
        var sameStateNewer = await Links.ApplyStateAsync("wf-1", ContractState.Review, false, T0.AddMinutes(4), [review], T0.AddMinutes(4), None);

        Assert.Equal(ContractState.Created, applied!.State);
        Assert.Null(repeated);
        Assert.Null(stale);
        Assert.Null(sameStateNewer);
        var link = (await Links.FindByWorkflowAsync("wf-1", None))!;
        Assert.Equal((ContractState.Review, T0.AddMinutes(4)), (link.State, link.IroncladUpdatedAt));
        var notes = await Store.ListAsync(JobStatus.Pending, 10, None);
        Assert.Equal(["review"], notes.Select(n => n.Payload));
    }

    [Fact]
    public async Task ApplyState_RevertToReviewAndPause_AreRealChanges()
    {
        await LaunchedAsync(42, "wf-1");
        await Links.ApplyStateAsync("wf-1", ContractState.Signature, false, T0.AddMinutes(2), [], T0, None);

        var reverted = await Links.ApplyStateAsync("wf-1", ContractState.Review, false, T0.AddMinutes(3), [], T0, None);
        var paused = await Links.ApplyStateAsync("wf-1", ContractState.Review, true, T0.AddMinutes(4), [], T0, None);

        Assert.Equal(ContractState.Signature, reverted!.State);
        Assert.False(paused!.Paused);
        Assert.True((await Links.FindByWorkflowAsync("wf-1", None))!.Paused);
    }

    [Fact]
    public async Task ApplyState_UnknownWorkflow_ReturnsNullAndStoresNothing()
    {
        var result = await Links.ApplyStateAsync("nope", ContractState.Executed, false, T0, [Job("x", "y")], T0, None);

        Assert.Null(result);
        Assert.Equal(new JobCounts(0, 0, 0, 0), await Store.CountAsync(None));
    }

    [Fact]
    public async Task Adopt_RecordsAWorkflowLaunchedElsewhere_Once()
    {
        var found = new ContractLink(50, "wf-50", "IC-50", "MSA", "recovered", ContractState.Review, false, T0, T0, T0, null, "Initech renewal");

        var adopted = await Links.AdoptAsync(found, None);
        var again = await Links.AdoptAsync(found with { State = ContractState.Draft }, None);

        Assert.Equal(found, adopted);
        Assert.Equal(found, again);
    }

    [Fact]
    public async Task Adopt_LeavesALaunchingReservationToTheLaunchThatHoldsIt()
    {
        await Links.ReserveAsync(51, "MSA", "default", 7, T0, None);

        var adopted = await Links.AdoptAsync(new ContractLink(51, "wf-51", "IC-51", "MSA", "default", ContractState.Created, false, T0, T0, T0.AddMinutes(1), null), None);

        Assert.Equal((null, ContractState.Launching, (long?)7), (adopted.WorkflowId, adopted.State, adopted.LaunchJobId));
        Assert.Null(await Links.FindByWorkflowAsync("wf-51", None));
    }

    [Fact]
    public async Task Adopt_WhenTheLeadHasAnotherActiveContract_ReturnsThatOneAndStoresNothing()
    {
        await LaunchedAsync(52, "wf-a");

        var result = await Links.AdoptAsync(new ContractLink(52, "wf-b", "IC-b", "MSA", "x", ContractState.Review, false, T0, T0, T0, null), None);

        Assert.Equal("wf-a", result.WorkflowId);
        Assert.Null(await Links.FindByWorkflowAsync("wf-b", None));
    }

    [Fact]
    public async Task ListAndCount_ReportLinksByState()
    {
        await LaunchedAsync(1, "wf-1");
        await LaunchedAsync(2, "wf-2");
        await Links.ApplyStateAsync("wf-2", ContractState.Executed, false, T0.AddDays(1), [], T0, None);
        await Links.ReserveAsync(3, "MSA", "default", 3, T0, None);

        var counts = await Links.CountByStateAsync(None);
        var open = await Links.ListOpenAsync(None);
        var all = await Links.ListAsync(10, None);

        Assert.Equal(1, counts[ContractState.Created]);
        Assert.Equal(1, counts[ContractState.Executed]);
        Assert.Equal(1, counts[ContractState.Launching]);
        Assert.Equal(["wf-1"], open.Select(l => l.WorkflowId));
        Assert.Equal([3L, 2L, 1L], all.Select(l => l.LeadId));
    }

    [Fact]
    public async Task LinkChanges_TellTheEngineTheirFollowUpsKinds_OnlyWhenTheyCommitThem()
    {
        var heard = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var _ = Store.ObserveCommittedJobs(new KindsHeard(heard));
        await Links.ReserveAsync(42, "MSA", "default", 7, T0, None);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Links.CompleteLaunchAsync(new LaunchRecord(43, 8, "wf-2", "IC-2", null, T0), [Job("never", "lead:43")], T0, None));
        await Links.CompleteLaunchAsync(new LaunchRecord(42, 7, "wf-1", "IC-1", null, T0), [Job("kommo.note", "lead:42"), Job("contract.sync", "workflow:wf-1")], T0, None);
        await Links.ApplyStateAsync("wf-1", ContractState.Review, false, T0.AddMinutes(1), [Job("deal.note", "lead:42")], T0, None);
        await Links.ApplyStateAsync("wf-1", ContractState.Review, false, T0.AddMinutes(2), [Job("repeated", "lead:42")], T0, None);

        Assert.Equal(["contract.sync", "deal.note", "kommo.note"], heard.Order(StringComparer.Ordinal));
    }

    private async Task LaunchedAsync(long leadId, string workflowId)
    {
        await Links.ReserveAsync(leadId, "MSA", "default", leadId, T0, None);
        await Links.CompleteLaunchAsync(new LaunchRecord(leadId, leadId, workflowId, $"IC-{leadId}", null, T0), [], T0, None);
    }

    private static NewJob Job(string kind, string key, string payload = "{}") => new(kind, key, payload);

    private sealed class KindsHeard(System.Collections.Concurrent.ConcurrentQueue<string> heard) : IJobsCommittedObserver
    {
        public void OnJobsCommitted(IReadOnlyCollection<string> kinds)
        {
            foreach (var kind in kinds)
            {
                heard.Enqueue(kind);
            }
        }
    }
}
