using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>A note on a deal: common text, or (with <see cref="Attachment"/>) a file uploaded to the deal's drive.</summary>
public sealed record NoteRequest(long LeadId, string Text, NoteAttachment? Attachment = null)
{
    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.Note, LeadId, this);
}
