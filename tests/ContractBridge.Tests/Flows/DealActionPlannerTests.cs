using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Flows;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Sync;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Flows;

public sealed class DealActionPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly IOptions<BridgeOptions> Bridge = Options.Create(new BridgeOptions { Ironclad = { BaseUrl = new Uri("https://na1.ironcladapp.com/public/api/v1") } });
    private readonly DealActionPlanner _planner = new(new ContractLinks(Bridge), new FakeTimeProvider(Now), Bridge);

    [Fact]
    public void Signature_PlansANoteAndATaskDueInTheConfiguredDays()
    {
        var jobs = _planner.Plan(Link(ContractState.Review), new DerivedState(ContractState.Signature, false), new ContractRule { OnSignature = { TaskDueDays = 5 } }, "wf1");

        Assert.Equal([JobKinds.Note, JobKinds.Task], jobs.Select(j => j.Kind));
        Assert.All(jobs, j => Assert.Equal("lead:7", j.Key));
        Assert.Contains("https://na1.ironcladapp.com/workflows/wf1", jobs[0].Payload, StringComparison.Ordinal);
        Assert.Contains(Now.AddDays(5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), jobs[1].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void Executed_PlansTheMoveToWonOfTheDealsOwnPipeline_AndTheDocument()
    {
        var jobs = _planner.Plan(Link(ContractState.Signature), new DerivedState(ContractState.Executed, false), new ContractRule { PipelineId = 99 }, "wf1");

        Assert.Equal([JobKinds.StageMove, JobKinds.AttachDocument], jobs.Select(j => j.Kind));
        Assert.Contains("\"targetStatusId\":142", jobs[0].Payload, StringComparison.Ordinal);
        Assert.Contains("\"targetPipelineId\":null", jobs[0].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void Executed_WithEveryActionOff_PlansNothing()
    {
        var rule = new ContractRule { OnExecuted = { MoveToWon = false, Note = false, AttachDocument = false } };

        Assert.Empty(_planner.Plan(Link(ContractState.Signature), new DerivedState(ContractState.Executed, false), rule, "wf1"));
    }

    [Fact]
    public void Cancelled_WithAStage_MovesOnlyFromTheContractStage()
    {
        var rule = new ContractRule { PipelineId = 3, StageId = 30, OnCancelled = { MoveToStageId = 25 } };

        var job = Assert.Single(_planner.Plan(Link(ContractState.Review), new DerivedState(ContractState.Cancelled, false), rule, "wf1"));

        Assert.Equal(JobKinds.StageMove, job.Kind);
        Assert.Contains("\"onlyFromStageId\":30", job.Payload, StringComparison.Ordinal);
        Assert.Contains("\"targetPipelineId\":3", job.Payload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ContractState.Signature, ContractState.Review, 1)]
    [InlineData(ContractState.Created, ContractState.Review, 0)]
    [InlineData(ContractState.Review, ContractState.Review, 0)]
    public void Review_NotesOnlyAMoveBackFromSignature(ContractState from, ContractState to, int notes)
    {
        Assert.Equal(notes, _planner.Plan(Link(from), new DerivedState(to, false), new ContractRule(), "wf1").Count);
    }

    [Fact]
    public void Paused_PlansNothing()
    {
        Assert.Empty(_planner.Plan(Link(ContractState.Review), new DerivedState(ContractState.Signature, true), new ContractRule(), "wf1"));
    }

    private static ContractLink Link(ContractState state) =>
        new(7, "wf1", "IC-7", "MSA", "default", state, false, Now, Now, Now, 1);
}
