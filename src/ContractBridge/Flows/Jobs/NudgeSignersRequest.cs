using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>
/// Look at who has not signed the contract out for signature since <see cref="Since"/>, in its <see cref="Period"/>-th
/// <c>Nudge.After</c> (1: the first, …), <see cref="Waited"/> after it went out: a task per such signer for the deal's
/// responsible user, due at <see cref="TaskDueAtUnix"/>, and with <see cref="RemindSigner"/> Ironclad's reminder. Every
/// figure is fixed when the job is made, so a retry writes the same task (which is how it recognises one it wrote).
/// </summary>
public sealed record NudgeSignersRequest(
    long LeadId,
    string WorkflowId,
    string ContractName,
    DateTimeOffset Since,
    int Period,
    TimeSpan Waited,
    long TaskDueAtUnix,
    int TaskTypeId,
    bool RemindSigner)
{
    public NewJob ToJob() => JobPayloads.ForLead(JobKinds.NudgeSigners, LeadId, this);
}
