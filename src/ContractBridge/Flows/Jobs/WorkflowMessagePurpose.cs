namespace ContractBridge.Flows.Jobs;

/// <summary>Why the bridge speaks in a workflow: it decides the note the deal gets afterwards.</summary>
public enum WorkflowMessagePurpose
{
    DealLost,
    LegalQuestion,
}
