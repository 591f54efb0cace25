using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad;
using ContractBridge.Kommo;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealActions;

/// <summary>
/// Attaches one signed document to the deal: downloaded from Ironclad, uploaded to Kommo's drive under its name in
/// Ironclad; the attachment note that references it is a note job, written in a batch with other notes. A retry first
/// looks for that note (an earlier try may have made it and lost the answer), so the document is attached once. When
/// the transfer keeps failing, the deal gets a note naming the document, with the Ironclad link, instead.
/// </summary>
public sealed partial class AttachSignedDocumentHandler(KommoClient kommo, KommoDirectory directory, IroncladClient ironclad, ILogger<AttachSignedDocumentHandler> logger) : IJobHandler
{
    /// <summary>
    /// Tries before settling for a note with the link. Three gave up within seconds under a 429 storm or 20% 5xx (the
    /// chaos run attached 4 of 25 PDFs); six ride out an upstream incident of about a minute on the default backoff.
    /// </summary>
    public const int AttemptsBeforeFallback = 6;

    public string Kind => JobKinds.AttachSignedDocument;

    /// <summary>
    /// One deal at a time, many deals side by side: each transfer is three calls in a row (download, upload session,
    /// part), so two at a time attached 1,000 PDFs in five minutes at 150 ms a call. The upstream limiters pace them.
    /// </summary>
    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 16);

    public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
    {
        foreach (var (job, request) in await BatchOutcomes.ReadAllAsync<AttachSignedDocumentRequest>(batch, cancellationToken))
        {
            await batch.CompleteAsync(job, await AttachAsync(job, request, cancellationToken), cancellationToken);
        }
    }

    private async Task<JobResult> AttachAsync(Job job, AttachSignedDocumentRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (job.Attempt > 1 && await AlreadyAttachedAsync(request, cancellationToken))
            {
                return JobResult.Done;
            }

            var (content, contentType) = await ironclad.DownloadAsync(request.DownloadPath, cancellationToken);
            var account = await directory.GetAccountAsync(cancellationToken);
            var file = await kommo.UploadFileAsync(account.DriveUrl, request.FileName, contentType, content, cancellationToken);
            Log.Attached(logger, request.LeadId, request.FileName, content.Length);
            return JobResult.Then(new NoteRequest(request.LeadId, request.FileName, new NoteAttachment(file.Uuid, file.VersionUuid, file.Name)).ToJob());
        }
        catch (UpstreamException ex) when (ex.IsTransient && job.Attempt < AttemptsBeforeFallback)
        {
            return new JobResult.Transient(ex.Message, ex.RetryAfter);
        }
        catch (UpstreamException ex)
        {
            // A lost answer may hide an attachment that was made: look before saying it could not be.
            try
            {
                if (await AlreadyAttachedAsync(request, cancellationToken))
                {
                    return JobResult.Done;
                }
            }
            catch (UpstreamException check) when (check.IsTransient)
            {
                return new JobResult.Transient(check.Message, check.RetryAfter);
            }

            Log.FellBack(logger, request.LeadId, request.FileName, ex.Message);
            var reason = ex.IsTransient ? "the upload kept failing" : "Ironclad or Kommo refused the transfer";
            return JobResult.Then(new NoteRequest(request.LeadId, DealNotes.DocumentNotAttached(request.ContractName, request.FileName, reason, request.WorkflowLink)).ToJob());
        }
    }

    /// <summary>The deal's attachment note for this file, by its name (what Kommo keeps of it).</summary>
    private async Task<bool> AlreadyAttachedAsync(AttachSignedDocumentRequest request, CancellationToken cancellationToken) =>
        (await kommo.GetNotesAsync([request.LeadId], cancellationToken))
            .Any(n => n.EntityId == request.LeadId && n.NoteType == "attachment" && string.Equals(n.Params?["file_name"]?.GetValue<string>(), request.FileName, StringComparison.Ordinal));

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Lead {LeadId}: uploaded '{FileName}' ({Bytes} bytes) for its attachment note")]
        public static partial void Attached(ILogger logger, long leadId, string fileName, int bytes);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Lead {LeadId}: the signed document '{FileName}' could not be attached ({Reason}); a note with the link was left instead")]
        public static partial void FellBack(ILogger logger, long leadId, string fileName, string reason);
    }
}
