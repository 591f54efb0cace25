using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>A deal entered a trigger stage: launch the rule's contract.</summary>
/// <param name="Trigger">What saw it: the webhook's action ("status", "add", "update"), or <see cref="ReconcilerTrigger"/>.</param>
public sealed record LaunchRequest(long LeadId, string Rule, long? PipelineId, long? StatusId, string Trigger)
{
    /// <summary>The Kommo-side reconciler found the deal in the stage without a contract.</summary>
    public const string ReconcilerTrigger = "reconcile";

    public NewJob ToJob() => JobPayloads.Job(JobKinds.Launch, JobKinds.LeadKey(LeadId), this);
}
