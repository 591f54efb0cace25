using ContractBridge.Engine.Jobs;
using ContractBridge.Kommo.Webhooks;

namespace ContractBridge.Flows.Jobs;

/// <summary>A contact or company was edited: find its deals that have open contracts, and sync each one's edits.</summary>
public sealed record FindEditedDealsRequest(KommoEntityType Entity, long Id)
{
    public NewJob ToJob() => JobPayloads.Job(JobKinds.FindEditedDeals, JobKinds.EntityKey(Entity.ToString().ToLowerInvariant(), Id), this);
}
