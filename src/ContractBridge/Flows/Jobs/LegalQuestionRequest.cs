using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>A person wrote a note for legal (it starts with the legal prefix) on a deal: relay it to the contract.</summary>
/// <param name="Text">The note as written, prefix included.</param>
public sealed record LegalQuestionRequest(long LeadId, long NoteId, string Text, long? AuthorUserId)
{
    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.LegalQuestion, LeadId, this);
}
