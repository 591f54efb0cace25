using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>
/// Read the records of an executed contract's workflow (its recordIds, then each record) for their dates and status.
/// Ironclad makes the records a little after execution: <see cref="Try"/> counts the reads that found none yet, and
/// <see cref="ExecutedAt"/> bounds how long the bridge keeps looking.
/// </summary>
public sealed record ReadRecordsRequest(long LeadId, string WorkflowId, DateTimeOffset ExecutedAt, int Try = 0)
{
    public NewJob ToJob(DateTimeOffset? notBefore = null) => JobPayloads.ForLead(JobKinds.ReadRecords, LeadId, this, notBefore);
}
