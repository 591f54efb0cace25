using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>A task for the deal's responsible user, due at <see cref="DueAtUnix"/>.</summary>
public sealed record TaskRequest(long LeadId, string Text, long DueAtUnix, int TaskTypeId)
{
    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.Task, LeadId, this);
}
