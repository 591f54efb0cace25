using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.DealActions;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Jobs;

/// <summary>
/// The loop of a handler that does one job at a time: each job's request read, its work done, and the two failures
/// every such job can meet turned into its outcome — an unreadable payload (permanent: a retry reads the same bytes) and
/// an upstream failure (transient or permanent, as the upstream said).
/// </summary>
public static class EachJob
{
    /// <param name="onUpstreamFailure">
    /// A handler's own reading of an upstream failure (e.g. a workflow deleted meanwhile is nothing left to do), or null
    /// for the usual one.
    /// </param>
    public static async Task HandleAsync<TRequest>(
        JobBatch batch,
        Func<Job, TRequest, CancellationToken, Task<JobResult>> work,
        CancellationToken cancellationToken,
        Func<UpstreamException, JobResult?>? onUpstreamFailure = null)
        where TRequest : class
    {
        foreach (var job in batch.Jobs)
        {
            JobResult result;
            try
            {
                result = await work(job, JobPayloads.Read<TRequest>(job), cancellationToken);
            }
            catch (InvalidJobPayloadException ex)
            {
                result = new JobResult.Permanent(ex.Message);
            }
            catch (UpstreamException ex)
            {
                result = onUpstreamFailure?.Invoke(ex) ?? BatchOutcomes.FromFailure(ex);
            }

            await batch.CompleteAsync(job, result, cancellationToken);
        }
    }
}
