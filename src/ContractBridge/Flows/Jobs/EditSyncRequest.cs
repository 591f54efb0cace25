using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>
/// A deal (or its main contact or company) was edited: once <see cref="Configuration.KommoOptions.EditSyncDelay"/> has passed, map
/// the deal again and bring its open contract up to date. Keyed by the lead, so it runs after the deal's other work.
/// </summary>
public sealed record EditSyncRequest(long LeadId)
{
    public NewJob ToJob(DateTimeOffset? notBefore = null) => JobPayloads.ForLead(JobKinds.SyncEdits, LeadId, this, notBefore);
}
