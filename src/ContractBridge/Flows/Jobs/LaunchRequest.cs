using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>A deal entered a trigger stage: launch the rule's contract.</summary>
public sealed record LaunchRequest(long LeadId, string Rule, long? PipelineId, long? StatusId, string Trigger)
{
    public NewJob ToJob() => JobPayloads.Job(JobKinds.Launch, JobKinds.LeadKey(LeadId), this);
}
