using ContractBridge.Contracts;

namespace ContractBridge.Flows.Reconcile;

/// <summary>
/// The reconciler's rule for one deal found in a trigger stage, pure so it is tested on its own. Kommo's times are unix
/// seconds, so comparisons with the bridge's instants are made in whole seconds, and a stage entry counts as new only
/// in a later second than the cancellation (an entry within the same second is taken as the old one).
/// </summary>
public static class StageDealDecision
{
    /// <param name="latest">The deal's newest link, whatever its state; null when it never had one.</param>
    /// <param name="refusal">The deal's latest refused launch, if any.</param>
    /// <param name="leadUpdatedAt">The deal's updated_at as read now (unix seconds).</param>
    /// <param name="lastEntryAt">When the deal last entered the stage, from the event feed (unix seconds); null when the feed read shows none.</param>
    public static StageDealOutcome Decide(ContractLink? latest, LaunchRefusal? refusal, long? leadUpdatedAt, long? lastEntryAt)
    {
        if (latest is { State: not ContractState.Cancelled })
        {
            return StageDealOutcome.HasContract;
        }

        if (latest is not null && !(lastEntryAt > CancelledAt(latest).ToUnixTimeSeconds()))
        {
            return StageDealOutcome.Cancelled;
        }

        return refusal is not null && refusal.StillApplies(leadUpdatedAt) ? StageDealOutcome.Refused : StageDealOutcome.Launch;
    }

    /// <summary>When the contract was cancelled: the workflow's lastUpdated of that state, else when the bridge applied it.</summary>
    public static DateTimeOffset CancelledAt(ContractLink link) => link.IroncladUpdatedAt ?? link.UpdatedAt;
}
