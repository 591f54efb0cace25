using ContractBridge.Configuration;
using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>
/// Say something in a workflow: a comment, and for a lost deal the rule's action (pause or cancel, with the comment
/// Ironclad requires); then a note on the deal saying what was done. Texts are fixed when the job is created, so a
/// retry recognises its own comment.
/// </summary>
/// <param name="Happened">For <see cref="WorkflowMessagePurpose.DealLost"/>: what happened to the deal, for its note.</param>
/// <param name="DealDeleted">The deal is gone from Kommo: nothing can be noted on it.</param>
public sealed record WorkflowMessageRequest(
    long LeadId,
    string WorkflowId,
    string Contract,
    string Link,
    WorkflowMessagePurpose Purpose,
    string? Comment,
    DealLostAction Action,
    string? ActionComment,
    string? Happened,
    bool DealDeleted = false)
{
    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.WorkflowMessage, LeadId, this);
}
