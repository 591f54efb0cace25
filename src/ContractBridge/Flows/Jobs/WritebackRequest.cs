using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>
/// What the bridge now knows about a deal's contract, to write into the deal's own custom fields (and its state's tags);
/// facts left null are not touched. Build it with <see cref="Writeback.WritebackJobs"/>. Which field holds which fact,
/// and in what form, is read from the configuration and Kommo's field definitions when the job runs.
/// </summary>
public sealed record WritebackRequest(
    long LeadId,
    string? ContractNumber = null,
    string? ContractUrl = null,
    ContractState? State = null,
    DateTimeOffset? SignedAt = null,
    DateOnly? ExpirationDate = null)
{
    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.Writeback, LeadId, this);
}
