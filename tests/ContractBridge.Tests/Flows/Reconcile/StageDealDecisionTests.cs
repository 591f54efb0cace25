using ContractBridge.Contracts;
using ContractBridge.Flows.Reconcile;

namespace ContractBridge.Tests.Flows.Reconcile;

public sealed class StageDealDecisionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly long T0Seconds = T0.ToUnixTimeSeconds();

    [Fact]
    public void NoLink_NoRefusal_Launches() =>
        Assert.Equal(StageDealOutcome.Launch, StageDealDecision.Decide(null, null, T0Seconds, lastEntryAt: null));

    [Theory]
    [InlineData(ContractState.Launching)]
    [InlineData(ContractState.Review)]
    [InlineData(ContractState.Executed)]
    public void AnActiveLink_HasAContract_WhateverTheFeedSays(ContractState state) =>
        Assert.Equal(StageDealOutcome.HasContract, StageDealDecision.Decide(Link(state, cancelledAt: null), null, T0Seconds, T0Seconds + 600));

    [Fact]
    public void Cancelled_WithoutAnEntryAfterTheCancellation_StaysCancelled()
    {
        var cancelled = Link(ContractState.Cancelled, T0);

        Assert.Equal(StageDealOutcome.Cancelled, StageDealDecision.Decide(cancelled, null, T0Seconds + 100, lastEntryAt: null));
        Assert.Equal(StageDealOutcome.Cancelled, StageDealDecision.Decide(cancelled, null, T0Seconds + 100, lastEntryAt: T0Seconds - 60));
        // Kommo's times are whole seconds: an entry within the cancellation's second is not taken as a new one.
        Assert.Equal(StageDealOutcome.Cancelled, StageDealDecision.Decide(Link(ContractState.Cancelled, T0.AddMilliseconds(300)), null, T0Seconds, lastEntryAt: T0Seconds));
    }

    [Fact]
    public void Cancelled_ThenEnteredAgain_Launches() =>
        Assert.Equal(StageDealOutcome.Launch, StageDealDecision.Decide(Link(ContractState.Cancelled, T0), null, T0Seconds + 30, lastEntryAt: T0Seconds + 1));

    [Fact]
    public void CancelledAt_IsTheWorkflowsLastUpdated_ElseWhenTheBridgeAppliedIt()
    {
        Assert.Equal(T0, StageDealDecision.CancelledAt(Link(ContractState.Cancelled, T0) with { UpdatedAt = T0.AddMinutes(9) }));
        Assert.Equal(T0.AddMinutes(9), StageDealDecision.CancelledAt(Link(ContractState.Cancelled, null) with { UpdatedAt = T0.AddMinutes(9) }));
    }

    [Fact]
    public void Refused_IsLeftAlone_UntilTheDealChanges()
    {
        var refusal = new LaunchRefusal(1, "msa", T0Seconds, T0);

        Assert.Equal(StageDealOutcome.Refused, StageDealDecision.Decide(null, refusal, T0Seconds, null));
        Assert.Equal(StageDealOutcome.Refused, StageDealDecision.Decide(null, refusal, leadUpdatedAt: null, null));
        Assert.Equal(StageDealOutcome.Launch, StageDealDecision.Decide(null, refusal, T0Seconds + 1, null));
        Assert.Equal(StageDealOutcome.Launch, StageDealDecision.Decide(null, refusal with { LeadUpdatedAt = null }, T0Seconds, null));
    }

    [Fact]
    public void Cancelled_EnteredAgain_ButRefusedSinceAndUnchanged_IsRefused() =>
        Assert.Equal(
            StageDealOutcome.Refused,
            StageDealDecision.Decide(Link(ContractState.Cancelled, T0), new LaunchRefusal(1, "msa", T0Seconds + 10, T0.AddSeconds(20)), T0Seconds + 10, T0Seconds + 10));

    private static ContractLink Link(ContractState state, DateTimeOffset? cancelledAt) =>
        new(1, state == ContractState.Launching ? null : "wf-1", "IC-1", "MSA", "msa", state, false, cancelledAt, T0.AddMinutes(-30), T0, 5);
}
