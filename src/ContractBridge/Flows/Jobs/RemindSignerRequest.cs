using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>Ask Ironclad to remind the signer of <see cref="RoleName"/> (named <see cref="SignerName"/> in the log) to sign.</summary>
public sealed record RemindSignerRequest(long LeadId, string WorkflowId, string RoleName, string SignerName)
{
    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.RemindSigner, LeadId, this);
}
