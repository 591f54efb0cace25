using ContractBridge.Engine.Jobs;

namespace ContractBridge.Engine.Storage;

internal static class JobCountsReader
{
    /// <summary>Turns "status → count" rows into <see cref="JobCounts"/>; statuses with no job count zero.</summary>
    public static JobCounts From(Dictionary<string, long> counts) => new(
        counts.GetValueOrDefault(nameof(JobStatus.Pending)),
        counts.GetValueOrDefault(nameof(JobStatus.Running)),
        counts.GetValueOrDefault(nameof(JobStatus.Succeeded)),
        counts.GetValueOrDefault(nameof(JobStatus.Dead)));
}
