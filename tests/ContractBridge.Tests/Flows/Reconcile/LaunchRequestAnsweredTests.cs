using ContractBridge.Contracts;
using ContractBridge.Flows.Jobs;

namespace ContractBridge.Tests.Flows.Reconcile;

/// <summary>When a launch that meets an active contract is already answered by it (no "already in progress" note).</summary>
public sealed class LaunchRequestAnsweredTests
{
    private static readonly DateTimeOffset Launched = new(2026, 3, 1, 9, 0, 0, 400, TimeSpan.Zero);
    private static readonly ContractLink Existing = new(1, "wf-1", "IC-1", "MSA", "msa", ContractState.Review, false, Launched, Launched, Launched, 5);

    [Fact]
    public void TheReconcilersLaunch_IsAnswered() =>
        Assert.True(new LaunchRequest(1, "msa", 7, 61, LaunchRequest.ReconcilerTrigger).IsAnsweredBy(Existing));

    [Fact]
    public void AWebhookForAnEntryNoLaterThanTheContract_IsAnswered() =>
        Assert.True(new LaunchRequest(1, "msa", 7, 61, "status", EnteredAt: Launched.ToUnixTimeSeconds()).IsAnsweredBy(Existing));

    [Fact]
    public void AWebhookForALaterEntry_OrWithoutATime_IsNot()
    {
        Assert.False(new LaunchRequest(1, "msa", 7, 61, "status", EnteredAt: Launched.ToUnixTimeSeconds() + 1).IsAnsweredBy(Existing));
        Assert.False(new LaunchRequest(1, "msa", 7, 61, "status").IsAnsweredBy(Existing));
    }
}
