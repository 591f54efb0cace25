using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>Ironclad said something happened to a workflow (or the reconciler saw it): read it and act on the deal.</summary>
public sealed record SyncRequest(string WorkflowId, string? Event)
{
    public NewJob ToJob() => JobPayloads.ForWorkflow(JobKinds.Sync, WorkflowId, this);
}
