using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>
/// A deal left its way to a contract: it changed stage (to Closed-Lost, or maybe back before its trigger stage) or was
/// deleted. The handler decides whether its contract in progress must hear of it.
/// </summary>
/// <param name="Transition">Names this one change (stage and Kommo's last_modified), so repeats of it are said once.</param>
public sealed record DealLostRequest(long LeadId, bool Deleted, long? StatusId, long? PipelineId, long? LossReasonId, long? ByUserId, string Transition)
{
    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.DealLost, LeadId, this);
}
