using ContractBridge.Configuration;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.DealActions;
using ContractBridge.Flows.Jobs;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Writeback;

/// <summary>
/// Writes contract facts into deals' own custom fields (and their state's tags), up to 250 deals in one lead PATCH, as
/// the other Kommo writes gather (<see cref="BatchOutcomes.KommoWrites"/>). A deal Kommo refuses does not hold back the
/// others (<see cref="KommoBatchWriter"/>): its job ends as a dead letter with Kommo's reasons, each field's path
/// followed by the setting that named it, and the field definitions are read again for the next write. A fact that
/// cannot be written (see <see cref="WritebackItem"/>) ends its job as a dead letter too, after the rest was written.
/// The update_lead webhook these writes cause is no deal edit: the edit sync leaves these fields out (<see cref="BridgeOwnedFields"/>).
/// </summary>
public sealed partial class WritebackHandler(
    IOptions<BridgeOptions> bridge,
    Kommo.KommoClient kommo,
    WritebackFieldCatalog catalog,
    ILogger<WritebackHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.Writeback;

    public JobHandlerOptions Options { get; } = BatchOutcomes.KommoWrites(bridge.Value.Kommo, concurrentBatches: 1);

    public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
    {
        var requests = await BatchOutcomes.ReadAllAsync<WritebackRequest>(batch, cancellationToken);
        var options = bridge.Value.Writeback;
        if (requests.Count == 0)
        {
            return;
        }

        if (!options.IsEnabled)
        {
            // Asked for by a flow that does not look at the configuration, with nothing configured: nothing to write.
            await BatchOutcomes.CompleteAllAsync(batch, requests.Select(r => r.Job), JobResult.Done, cancellationToken);
            return;
        }

        try
        {
            var items = await BuildAsync(requests, options, cancellationToken);
            var outcomes = new Dictionary<Job, JobResult>();
            foreach (var (job, item) in items.Where(i => i.Item.Update is null))
            {
                outcomes[job] = Finished(item);
            }

            var toWrite = items.Where(i => i.Item.Update is not null).ToList();
            if (toWrite.Count > 0)
            {
                await WriteAsync(toWrite, outcomes, cancellationToken);
            }

            foreach (var (job, _) in requests)
            {
                await batch.CompleteAsync(job, outcomes[job], cancellationToken);
            }
        }
        catch (UpstreamException ex)
        {
            await BatchOutcomes.CompleteAllAsync(batch, requests.Select(r => r.Job), BatchOutcomes.FromFailure(ex), cancellationToken);
        }
    }

    /// <summary>Each job's item; when a setting names a field the cached definitions lack, they are read again once.</summary>
    private async Task<List<(Job Job, WritebackItem Item)>> BuildAsync(List<(Job Job, WritebackRequest Request)> requests, WritebackOptions options, CancellationToken cancellationToken)
    {
        List<(Job, WritebackItem)> Build(WritebackFields fields) =>
            [.. requests.Select(r => (r.Job, WritebackItem.Build(r.Request, options, fields, BatchOutcomes.RequestId(r.Job))))];

        var items = Build(await catalog.GetAsync(fresh: false, cancellationToken));
        return items.Any(i => i.Item2.MissedAField) ? Build(await catalog.GetAsync(fresh: true, cancellationToken)) : items;
    }

    private async Task WriteAsync(List<(Job Job, WritebackItem Item)> toWrite, Dictionary<Job, JobResult> outcomes, CancellationToken cancellationToken)
    {
        var byRequestId = toWrite.ToDictionary(i => i.Item.Update!.RequestId!, StringComparer.Ordinal);
        var written = await KommoBatchWriter.WriteAsync([.. toWrite.Select(i => i.Item.Update!)], kommo.UpdateLeadsAsync, cancellationToken);
        foreach (var id in written.Written)
        {
            var (job, item) = byRequestId[id];
            Log.Written(logger, item.LeadId, item.FieldSettings.Count, item.Update!.TagsToAdd?.Count ?? 0);
            outcomes[job] = Finished(item);
        }

        foreach (var refusal in written.Refused)
        {
            var (job, item) = byRequestId[refusal.RequestId];
            var reason = item.Describe(refusal);
            Log.Refused(logger, item.LeadId, reason);
            outcomes[job] = new JobResult.Permanent($"Kommo refused the contract fields of lead {item.LeadId}: {reason}");
        }

        if (written.Refused.Count > 0)
        {
            // A field deleted or changed in Kommo since it was read: the next write reads the definitions again.
            await catalog.GetAsync(fresh: true, cancellationToken);
        }

        foreach (var id in written.Unwritten)
        {
            outcomes[byRequestId[id].Job] = BatchOutcomes.FromFailure(written.Failure!);
        }
    }

    private JobResult Finished(WritebackItem item)
    {
        foreach (var left in item.LeftAlone)
        {
            Log.LeftAlone(logger, item.LeadId, left);
        }

        if (item.Problems.Count == 0)
        {
            return JobResult.Done;
        }

        var lead = item.LeadId;
        var problems = string.Join("; ", item.Problems);
        Log.NotWritten(logger, lead, problems);
        return new JobResult.Permanent($"Lead {lead}: {(item.Update is null ? "no contract field written" : "the other contract fields were written, not these")}: {problems}. Run `check` to see the fields.");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9500, Level = LogLevel.Information, Message = "Lead {LeadId}: contract written to {Fields} field(s), {Tags} tag(s) added")]
        public static partial void Written(ILogger logger, long leadId, int fields, int tags);

        [LoggerMessage(EventId = 9501, Level = LogLevel.Warning, Message = "Lead {LeadId}: Kommo refused the contract fields: {Reason}")]
        public static partial void Refused(ILogger logger, long leadId, string reason);

        [LoggerMessage(EventId = 9502, Level = LogLevel.Warning, Message = "Lead {LeadId}: contract fields not written: {Problems}")]
        public static partial void NotWritten(ILogger logger, long leadId, string problems);

        [LoggerMessage(EventId = 9504, Level = LogLevel.Warning, Message = "Lead {LeadId}: a contract field left as it is: {Why}")]
        public static partial void LeftAlone(ILogger logger, long leadId, string why);
    }
}
