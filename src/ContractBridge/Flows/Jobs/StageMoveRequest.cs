using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>
/// Move a deal because its contract was executed or cancelled, unless a human already closed it or moved it on; the note
/// tells which. <see cref="OnlyFromStageId"/>: move only while the deal still sits in this stage (cancellations).
/// <see cref="Seen"/>: the deal as read beside the contract's workflow (<see cref="DealActions.CloseLeadReads"/>), so a
/// move made at once need not read it again; null for the move to read it itself.
/// </summary>
public sealed record StageMoveRequest(
    long LeadId,
    long TargetStatusId,
    long? TargetPipelineId,
    long? LossReasonId,
    long? OnlyFromStageId,
    string NoteLead,
    string NoteTail,
    SeenLead? Seen = null)
{
    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.StageMove, LeadId, this);
}
