using System.Globalization;
using ContractBridge.Configuration;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
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

    /// <summary>How the Kommo write handlers claim: up to one request's worth of jobs, gathered while more keep coming.</summary>
    public static JobHandlerOptions KommoWrites(KommoOptions kommo, int concurrentBatches) =>
        new(KommoClient.MaxPerRequest, concurrentBatches, kommo.WriteBatchLinger, kommo.WriteBatchQuiet);

    /// <summary>The deal was deleted in Kommo: nothing to act on, now or on a retry.</summary>
    public static JobResult.Permanent LeadGone(long leadId) => new($"Lead {leadId} no longer exists in Kommo.");

    /// <summary>The request_id a job's item carries in a Kommo batch write: the job's id, unique in any batch.</summary>
    public static string RequestId(Job job) => job.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Kommo refused this job's item: a permanent failure that says why, in Kommo's words (path, detail, code).</summary>
    public static JobResult.Permanent Refused(string what, RefusedBatchItem refusal) => new($"Kommo refused {what}: {refusal.Reason}");

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
