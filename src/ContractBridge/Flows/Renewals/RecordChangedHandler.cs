using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad;

namespace ContractBridge.Flows.Renewals;

/// <summary>
/// A record's status changed in Ironclad (record_contract_status_changed names only the record): reads the record and
/// stores it against its deal, found through the stored record or, for one not read before, the workflow that created it
/// (<c>source.workflowId</c>). A status that differs from the stored one becomes one note; a changed expiration date
/// moves the renewal task. Repeated and late events read the same record and change nothing.
/// </summary>
public sealed partial class RecordChangedHandler(
    IContractRecordStore records,
    IContractLinkStore links,
    IroncladClient ironclad,
    RecordObserver observer,
    ILogger<RecordChangedHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.RecordChanged;

    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 4);

    public Task HandleAsync(JobBatch batch, CancellationToken cancellationToken) =>
        EachJob.HandleAsync<RecordChangedRequest>(batch, (_, request, token) => ReadAsync(request, token), cancellationToken,
            ex => ex.IsNotFound ? JobResult.Done : null);

    private async Task<JobResult> ReadAsync(RecordChangedRequest request, CancellationToken cancellationToken)
    {
        var known = await records.FindAsync(request.RecordId, cancellationToken);
        var record = await ironclad.GetRecordAsync(request.RecordId, cancellationToken);
        var workflowId = known?.WorkflowId ?? record.WorkflowId;
        if (workflowId is null || await links.FindByWorkflowAsync(workflowId, cancellationToken) is not { } link)
        {
            Log.NotOurs(logger, request.RecordId);
            return JobResult.Done;
        }

        await observer.ObserveAsync(record, link, workflowId, cancellationToken);
        return JobResult.Done;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9653, Level = LogLevel.Information, Message = "Record {RecordId} belongs to no contract of the bridge: ignored")]
        public static partial void NotOurs(ILogger logger, string recordId);
    }
}
