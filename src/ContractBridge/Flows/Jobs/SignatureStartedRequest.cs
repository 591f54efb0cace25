using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>
/// The contract went out for signature at <see cref="Since"/> (the workflow's lastUpdated that showed it): stored with
/// that state, so the days a signer takes are counted from then (see <see cref="Nudge.SignatureClock"/>).
/// </summary>
public sealed record SignatureStartedRequest(long LeadId, string WorkflowId, DateTimeOffset Since)
{
    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.SignatureStarted, LeadId, this);
}
