using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>
/// Attach one document of the executed contract's signature packet to the deal, under its name in Ironclad
/// (<see cref="FileName"/>, extension included); <see cref="DownloadPath"/> is the path Ironclad's document list gave.
/// </summary>
public sealed record AttachSignedDocumentRequest(
    long LeadId,
    string WorkflowId,
    string ContractName,
    string WorkflowLink,
    string DocumentKey,
    string FileName,
    string DownloadPath)
{
    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.AttachSignedDocument, LeadId, this);
}
