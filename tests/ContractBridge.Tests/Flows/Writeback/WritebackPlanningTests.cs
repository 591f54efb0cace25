using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Sync;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Flows.Writeback;

/// <summary>Every state change writes the contract into the deal's fields when a Writeback setting names any, in the same plan.</summary>
public sealed class WritebackPlanningTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AStateChange_PlansAWriteback_WithTheNumberLinkAndState()
    {
        var jobs = Planner(new WritebackOptions { ContractState = "80003" }).Plan(Link(ContractState.Review), new DerivedState(ContractState.Signature, false), new ContractRule(), "wf1");

        var request = Writeback(jobs);
        Assert.Equal((7L, "IC-7", ContractState.Signature, (DateTimeOffset?)null), (request.LeadId, request.ContractNumber, request.State, request.SignedAt));
        Assert.Equal("https://na1.ironcladapp.com/workflows/wf1", request.ContractUrl);
        Assert.Equal("lead:7", jobs.Single(j => j.Kind == JobKinds.Writeback).Key);
    }

    [Fact]
    public void Executed_CarriesTheMomentIroncladSaysItChanged()
    {
        var executedAt = Now.AddMinutes(-42);

        var jobs = Planner(new WritebackOptions { SignedDate = "80004" }).Plan(Link(ContractState.Signature), new DerivedState(ContractState.Executed, false), new ContractRule(), "wf1", executedAt);

        Assert.Equal(executedAt, Writeback(jobs).SignedAt);
    }

    [Fact]
    public void NothingConfigured_PlansNoWriteback_AndAPausedOrUnchangedContractNone()
    {
        var off = Planner(new WritebackOptions()).Plan(Link(ContractState.Review), new DerivedState(ContractState.Signature, false), new ContractRule(), "wf1");
        var paused = Planner(new WritebackOptions { ContractState = "80003" }).Plan(Link(ContractState.Review), new DerivedState(ContractState.Review, true), new ContractRule(), "wf1");

        Assert.DoesNotContain(off, j => j.Kind == JobKinds.Writeback);
        Assert.Empty(paused);
    }

    private static DealActionPlanner Planner(WritebackOptions writeback)
    {
        var bridge = Options.Create(new BridgeOptions { Ironclad = { BaseUrl = new Uri("https://na1.ironcladapp.com/public/api/v1") }, Writeback = writeback });
        return new DealActionPlanner(new ContractLinks(bridge), new FakeTimeProvider(Now), bridge);
    }

    private static WritebackRequest Writeback(IReadOnlyList<NewJob> jobs) =>
        JobPayloads.Read<WritebackRequest>(new Job(1, JobKinds.Writeback, "lead:7", jobs.Single(j => j.Kind == JobKinds.Writeback).Payload, 1, Now, null));

    private static ContractLink Link(ContractState state) =>
        new(7, "wf1", "IC-7", "MSA", "msa", state, false, null, Now, Now, null);
}
