using ContractBridge.Contracts;
using ContractBridge.Ironclad.Api;
using ContractBridge.Ironclad.Webhooks;

namespace ContractBridge.Flows.Sync;

/// <summary>
/// Derives the seed's contract states, which do not exist on Ironclad's wire, from a workflow's step and status and the
/// event that announced the change: Cancelled (status cancelled), Executed (status completed, step Archive or Complete,
/// the signature packet complete, or a fully-signed event), Signature (step Sign), Review, Draft (step Create),
/// else Created. Status paused keeps the step's state and sets <see cref="DerivedState.Paused"/>.
/// </summary>
public static class ContractStateDeriver
{
    public static DerivedState Derive(IroncladWorkflow workflow, string? eventName)
    {
        var status = workflow.Status?.ToLowerInvariant();
        var step = workflow.Step?.ToLowerInvariant();
        var state = status switch
        {
            "cancelled" => ContractState.Cancelled,
            "completed" => ContractState.Executed,
            _ when step is "archive" or "complete" => ContractState.Executed,
            _ when IsSigned(workflow.Signatures?.State) => ContractState.Executed,
            _ when eventName == IroncladWebhookEvents.WorkflowSignaturePacketFullySigned && step == "sign" => ContractState.Executed,
            _ => step switch
            {
                "sign" => ContractState.Signature,
                "review" => ContractState.Review,
                "create" => ContractState.Draft,
                _ => ContractState.Created,
            },
        };
        return new DerivedState(state, status == "paused");
    }

    /// <summary>
    /// The spec's enum says "complete"; the approvals object of the same shape says "completed" (as does the simulator for
    /// signatures). Either means every signature is in: with the fully-signed webhook lost, this is all the reconciler sees.
    /// </summary>
    private static bool IsSigned(string? signatures) =>
        string.Equals(signatures, "complete", StringComparison.OrdinalIgnoreCase) || string.Equals(signatures, "completed", StringComparison.OrdinalIgnoreCase);

    /// <summary>Executed and cancelled contracts are finished: no later event moves them.</summary>
    public static bool IsFinal(ContractState state) => state is ContractState.Executed or ContractState.Cancelled;
}
