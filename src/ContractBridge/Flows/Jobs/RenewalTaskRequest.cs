using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>
/// Make the record's renewal task, or move it to the record's current expiration date. The dates are read from the
/// stored record when the job runs, so a later job for the same record only ever moves the one task.
/// </summary>
public sealed record RenewalTaskRequest(long LeadId, string RecordId)
{
    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.RenewalTask, LeadId, this);
}
