using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>Attach the executed contract's signed document to the deal.</summary>
public sealed record AttachDocumentRequest(long LeadId, string WorkflowId, string ContractName, string WorkflowLink)
{
    public NewJob ToJob() => JobPayloads.Job(JobKinds.AttachDocument, JobKinds.LeadKey(LeadId), this);
}
