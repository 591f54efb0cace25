using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>Attach the executed contract's signed documents to the deal: every document of its signature packet, each once.</summary>
public sealed record AttachDocumentRequest(long LeadId, string WorkflowId, string ContractName, string WorkflowLink)
{
    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.AttachDocument, LeadId, this);
}
