using ContractBridge.Engine.Jobs;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealActions;

/// <summary>Small helpers shared by the Kommo write handlers.</summary>
internal static class BatchOutcomes
{
    /// <summary>Reads every job's payload; unreadable ones are reported as permanent failures and left out.</summary>
    public static async Task<List<(Job Job, T Request)>> ReadAllAsync<T>(JobBatch batch, CancellationToken cancellationToken)
        where T : class
    {
        var readable = new List<(Job, T)>(batch.Jobs.Count);
        foreach (var job in batch.Jobs)
        {
            try
            {
                readable.Add((job, JobPayloads.Read<T>(job)));
            }
            catch (InvalidJobPayloadException ex)
            {
                await batch.CompleteAsync(job, new JobResult.Permanent(ex.Message), cancellationToken);
            }
        }

        return readable;
    }

    public static JobResult FromFailure(UpstreamException ex) =>
        ex.IsTransient ? new JobResult.Transient(ex.Message, ex.RetryAfter) : new JobResult.Permanent(ex.Message);

    public static async Task CompleteAllAsync(JobBatch batch, IEnumerable<Job> jobs, JobResult result, CancellationToken cancellationToken)
    {
        foreach (var job in jobs)
        {
            await batch.CompleteAsync(job, result, cancellationToken);
        }
    }
}
