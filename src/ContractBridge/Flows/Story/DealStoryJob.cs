using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Story;

/// <summary>A job of a deal's story: the job as stored (status, attempts, last error, event) and what it does.</summary>
public sealed record DealStoryJob(JobSummary Job, string Description);
