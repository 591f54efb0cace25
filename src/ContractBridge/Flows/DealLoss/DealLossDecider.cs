using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows.DealLoss;

/// <summary>
/// Whether a deal's change must be said in its contract's workflow. Only a contract in progress (launched, neither
/// executed nor cancelled) hears of it, so the bridge's own moves never count: it moves a deal only once the contract
/// is executed (to Closed-Won, which is never a loss) or cancelled (no longer in progress). A move is a loss when it
/// goes to Closed-Lost, or to a stage of the rule's pipeline placed before the trigger stage; moves forward, to another
/// pipeline, or to Closed-Won are not.
/// </summary>
public static class DealLossDecider
{
    public static DealLoss? Decide(DealLostRequest change, ContractLink link, ContractRule rule, IReadOnlyList<KommoPipeline> pipelines)
    {
        if (!IsInProgress(link) || (!rule.OnDealLost.Comment && rule.OnDealLost.Action == DealLostAction.None))
        {
            return null;
        }

        if (change.Deleted)
        {
            return new DealLoss(DealLossKind.Deleted);
        }

        if (change.StatusId is not { } status || status == KommoStatuses.ClosedWon || status == rule.ClosedWonStageId || status == rule.StageId)
        {
            return null;
        }

        if (status == KommoStatuses.ClosedLost)
        {
            return new DealLoss(DealLossKind.Lost);
        }

        if (KommoStatuses.IsClosed(rule.StageId))
        {
            return null;
        }

        var pipeline = pipelines.FirstOrDefault(p => p.Id == change.PipelineId);
        var stages = pipeline?.Statuses.Select((s, index) => (Status: s, Order: s.Sort ?? index)).ToList() ?? [];
        var trigger = stages.FirstOrDefault(s => s.Status.Id == rule.StageId);
        var target = stages.FirstOrDefault(s => s.Status.Id == status);
        return trigger.Status is not null && target.Status is not null && target.Order < trigger.Order
            ? new DealLoss(DealLossKind.MovedBack, target.Status.Name, trigger.Status.Name)
            : null;
    }

    /// <summary>Launched, and neither executed nor cancelled: the workflow can still take a pause or a cancel.</summary>
    public static bool IsInProgress(ContractLink link) =>
        link.WorkflowId is not null && link.State is ContractState.Created or ContractState.Draft or ContractState.Review or ContractState.Signature;
}
