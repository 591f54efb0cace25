using ContractBridge.Configuration;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;

namespace ContractBridge.Flows.Launch;

/// <summary>
/// A launch job whose lead this job now holds reserved. <paramref name="SearchFirst"/>: an earlier run may have reached
/// Ironclad and lost the answer, so Ironclad is searched for that workflow before launching again.
/// </summary>
public sealed record LaunchWork(Job Job, LaunchRequest Request, ContractRule Rule, bool SearchFirst)
{
    public long LeadId => Request.LeadId;
}
