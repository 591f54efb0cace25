using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>
/// Ironclad said a workflow has a new comment, a changed approval or a new turn: read that list and note on the deal
/// what it has not been told yet. Keyed by the workflow, so relays (and syncs) of one workflow run in Ironclad's order.
/// </summary>
public sealed record ActivityRelayRequest(string WorkflowId, ActivityFeed Feed)
{
    public NewJob ToJob() => JobPayloads.ForWorkflow(JobKinds.ActivityRelay, WorkflowId, this);
}
