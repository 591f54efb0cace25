using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad;
using ContractBridge.Ironclad.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealActions;

/// <summary>
/// Attaches the executed contract's signed documents to the deal: reads the signature packet from Ironclad and starts
/// one <see cref="AttachSignedDocumentHandler"/> job per document, in the packet's order, stored with this job's end so
/// each document is attached once however often this runs before it ends. An empty packet leaves a note saying so; the
/// deal's close never waits on any of this (it is a job of its own).
/// </summary>
public sealed partial class AttachDocumentHandler(IroncladClient ironclad, ILogger<AttachDocumentHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.AttachDocument;

    /// <summary>
    /// One Ironclad read per job, 16 side by side like the workflow syncs: at 150 ms a call, four listed a 1,000-deal
    /// burst's packets in 40 s and held its executed notes back (the transfers run apart, as their own jobs).
    /// </summary>
    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 16);

    /// <summary>
    /// Until Ironclad lists the packet, no document can be named, nor told whether an earlier try attached it: a
    /// transient failure is retried (for as long as jobs are, <see cref="EachJob"/>); a refusal leaves one note with the
    /// contract's link.
    /// </summary>
    public Task HandleAsync(JobBatch batch, CancellationToken cancellationToken) =>
        EachJob.HandleAsync<AttachDocumentRequest>(batch, ListAsync, cancellationToken);

    private async Task<JobResult> ListAsync(Job job, AttachDocumentRequest request, CancellationToken cancellationToken)
    {
        IroncladDocuments documents;
        try
        {
            documents = await ironclad.GetDocumentsAsync(request.WorkflowId, cancellationToken);
        }
        catch (UpstreamException ex) when (!ex.IsTransient)
        {
            Log.NotListed(logger, request.LeadId, ex.Message);
            return JobResult.Then(new NoteRequest(request.LeadId, DealNotes.DocumentsNotListed(request.ContractName, "Ironclad refused to list them", request.WorkflowLink)).ToJob());
        }

        var packet = (documents.SignaturePacketDocuments ?? []).DistinctBy(d => d.Key, StringComparer.Ordinal).ToList();
        if (packet.Count == 0)
        {
            return JobResult.Then(new NoteRequest(request.LeadId, DealNotes.NoSignedDocument(request.ContractName, request.WorkflowLink)).ToJob());
        }

        Log.Listed(logger, request.LeadId, packet.Count, string.Join(", ", packet.Select(d => d.Filename)));
        return JobResult.Then([.. packet.Select(d => new AttachSignedDocumentRequest(
            request.LeadId, request.WorkflowId, request.ContractName, request.WorkflowLink, d.Key, d.Filename, d.Download).ToJob())]);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9600, Level = LogLevel.Information, Message = "Lead {LeadId}: {Count} signed document(s) to attach: {FileNames}")]
        public static partial void Listed(ILogger logger, long leadId, int count, string fileNames);

        [LoggerMessage(EventId = 9601, Level = LogLevel.Warning, Message = "Lead {LeadId}: Ironclad refused to list the signed documents ({Reason}); a note with the link was left instead")]
        public static partial void NotListed(ILogger logger, long leadId, string reason);
    }
}
