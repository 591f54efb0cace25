using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Renewals;

/// <summary>
/// After a contract is executed (its own job, so the deal's close never waits on it): reads the workflow's
/// <c>recordIds</c>, then each record (<c>GET /records/{id}</c>) for its expiration date and status. Ironclad makes the
/// records a little after execution, so while <c>recordIds</c> is empty the read is tried again later, the wait
/// doubling from <c>Ironclad:RecordRetryDelay</c>, until <c>Ironclad:RecordWait</c> after execution; then it gives up
/// (a later record_contract_status_changed still finds the record through its source workflow).
/// </summary>
public sealed partial class ReadRecordsHandler(
    IContractLinkStore links,
    IroncladClient ironclad,
    RecordObserver observer,
    IOptions<BridgeOptions> options,
    TimeProvider time,
    ILogger<ReadRecordsHandler> logger) : IJobHandler
{
    /// <summary>The longest wait between two reads, however many found no records yet.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(30);

    public string Kind => JobKinds.ReadRecords;

    /// <summary>Two or three reads per contract, 16 contracts side by side like the workflow syncs (a burst executed is a burst of record reads); the limiters pace them.</summary>
    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 16);

    public Task HandleAsync(JobBatch batch, CancellationToken cancellationToken) =>
        EachJob.HandleAsync<ReadRecordsRequest>(batch, (_, request, token) => ReadAsync(request, token), cancellationToken,
            ex => ex.IsNotFound ? JobResult.Done : null);

    private async Task<JobResult> ReadAsync(ReadRecordsRequest request, CancellationToken cancellationToken)
    {
        if (await links.FindByWorkflowAsync(request.WorkflowId, cancellationToken) is not { } link)
        {
            return JobResult.Done;
        }

        var workflow = await ironclad.GetWorkflowAsync(request.WorkflowId, cancellationToken);
        var recordIds = workflow.RecordIds ?? [];
        if (recordIds.Count == 0)
        {
            return Later(request);
        }

        foreach (var recordId in recordIds.Distinct(StringComparer.Ordinal))
        {
            try
            {
                var record = await ironclad.GetRecordAsync(recordId, cancellationToken);
                var stored = await observer.ObserveAsync(record, link, request.WorkflowId, cancellationToken);
                Log.Read(logger, request.LeadId, recordId, stored?.ExpirationDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "none");
            }
            catch (UpstreamException ex) when (ex.IsNotFound)
            {
                Log.RecordGone(logger, request.LeadId, recordId);
            }
        }

        return JobResult.Done;
    }

    /// <summary>The same read again after the next wait, or nothing more once the bound is reached.</summary>
    private JobResult Later(ReadRecordsRequest request)
    {
        var ironcladOptions = options.Value.Ironclad;
        var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, ironcladOptions.RecordRetryDelay.Ticks * (1L << Math.Min(request.Try, 20))));
        var next = time.GetUtcNow() + delay;
        if (next - request.ExecutedAt > ironcladOptions.RecordWait)
        {
            Log.NoRecords(logger, request.LeadId, request.WorkflowId, request.Try + 1);
            return JobResult.Done;
        }

        var again = request with { Try = request.Try + 1 };
        return JobResult.Then(again.ToJob(next));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9650, Level = LogLevel.Information, Message = "Lead {LeadId}: record {RecordId} read (expires: {Expiration})")]
        public static partial void Read(ILogger logger, long leadId, string recordId, string expiration);

        [LoggerMessage(EventId = 9651, Level = LogLevel.Warning, Message = "Lead {LeadId}: workflow {WorkflowId} still has no records after {Reads} reads; no renewal task from it")]
        public static partial void NoRecords(ILogger logger, long leadId, string workflowId, int reads);

        [LoggerMessage(EventId = 9652, Level = LogLevel.Warning, Message = "Lead {LeadId}: record {RecordId} no longer exists in Ironclad")]
        public static partial void RecordGone(ILogger logger, long leadId, string recordId);
    }
}
