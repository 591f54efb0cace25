using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>A deal entered a trigger stage: launch the rule's contract.</summary>
/// <param name="Trigger">What saw it: the webhook's action ("status", "add", "update"), or <see cref="ReconcilerTrigger"/>.</param>
/// <param name="EnteredAt">When the deal entered the stage, as the webhook says (its last_modified, unix seconds); null when unknown.</param>
public sealed record LaunchRequest(long LeadId, string Rule, long? PipelineId, long? StatusId, string Trigger, long? EnteredAt = null)
{
    /// <summary>The Kommo-side reconciler found the deal in the stage without a contract.</summary>
    public const string ReconcilerTrigger = "reconcile";

    /// <summary>
    /// True when the contract <paramref name="existing"/> already answers this request: the reconciler found the deal, or
    /// the entry is no later than the contract (a webhook that arrived late, after the reconciler launched for that same
    /// entry). Such a request needs no "already in progress" note; a new entry while the contract is active does.
    /// </summary>
    public bool IsAnsweredBy(ContractBridge.Contracts.ContractLink existing) =>
        Trigger == ReconcilerTrigger || (EnteredAt is { } entered && entered <= existing.CreatedAt.ToUnixTimeSeconds());

    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.Launch, LeadId, this);
}
