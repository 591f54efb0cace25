using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad;
using ContractBridge.Kommo;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealActions;

/// <summary>
/// Attaches the signed PDF to the deal: the newest signature-packet document is downloaded from Ironclad and uploaded
/// to Kommo's drive; the attachment note that references it is a note job, written in a batch with other notes. When
/// that keeps failing, the deal gets a note with the document's name and the Ironclad link instead; the deal's close
/// never waits on this.
/// </summary>
public sealed partial class AttachDocumentHandler(KommoClient kommo, KommoDirectory directory, IroncladClient ironclad, ILogger<AttachDocumentHandler> logger) : IJobHandler
{
    /// <summary>
    /// Tries before settling for a note with the link. Three gave up within seconds under a 429 storm or 20% 5xx (the
    /// chaos run attached 4 of 25 PDFs); six ride out an upstream incident of about a minute on the default backoff.
    /// </summary>
    public const int AttemptsBeforeFallback = 6;

    public string Kind => JobKinds.AttachDocument;

    /// <summary>
    /// One deal at a time, many deals side by side: each transfer is four calls in a row (documents, download, upload
    /// session, part), so two at a time attached 1,000 PDFs in five minutes at 150 ms a call. The upstream limiters pace them.
    /// </summary>
    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 16);

    public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
    {
        foreach (var (job, request) in await BatchOutcomes.ReadAllAsync<AttachDocumentRequest>(batch, cancellationToken))
        {
            await batch.CompleteAsync(job, await AttachAsync(job, request, cancellationToken), cancellationToken);
        }
    }

    private async Task<JobResult> AttachAsync(Job job, AttachDocumentRequest request, CancellationToken cancellationToken)
    {
        string fileName = "the signed document";
        var signedFound = false;
        try
        {
            var documents = await ironclad.GetDocumentsAsync(request.WorkflowId, cancellationToken);
            var signed = (documents.SignaturePacketDocuments ?? []).OrderByDescending(d => d.VersionNumber ?? 0).ThenByDescending(d => d.LastModified?.Timestamp).FirstOrDefault();
            if (signed is null)
            {
                return JobResult.Then(new NoteRequest(request.LeadId, DealNotes.NoSignedDocument(request.ContractName, request.WorkflowLink)).ToJob());
            }

            fileName = signed.Filename;
            signedFound = true;
            if (job.Attempt > 1 && await AlreadyAttachedAsync(request.LeadId, fileName, cancellationToken))
            {
                return JobResult.Done;
            }

            var (content, contentType) = await ironclad.DownloadAsync(signed.Download, cancellationToken);
            var account = await directory.GetAccountAsync(cancellationToken);
            var file = await kommo.UploadFileAsync(account.DriveUrl, fileName, contentType, content, cancellationToken);
            Log.Attached(logger, request.LeadId, fileName, content.Length);
            return JobResult.Then(new NoteRequest(request.LeadId, fileName, new NoteAttachment(file.Uuid, file.VersionUuid, file.Name)).ToJob());
        }
        catch (UpstreamException ex) when (ex.IsTransient && (job.Attempt < AttemptsBeforeFallback || !signedFound))
        {
            // Until the document list has been read on this try, the file's name is unknown, and with it whether an
            // earlier try (its answer lost) did attach it: keep trying rather than say it could not be attached.
            return new JobResult.Transient(ex.Message, ex.RetryAfter);
        }
        catch (UpstreamException ex)
        {
            // A lost answer may hide an attachment that was made: look before saying it could not be.
            if (signedFound)
            {
                try
                {
                    if (await AlreadyAttachedAsync(request.LeadId, fileName, cancellationToken))
                    {
                        return JobResult.Done;
                    }
                }
                catch (UpstreamException check) when (check.IsTransient)
                {
                    return new JobResult.Transient(check.Message, check.RetryAfter);
                }
            }

            Log.FellBack(logger, request.LeadId, ex.Message);
            var reason = ex.IsTransient ? "the upload kept failing" : "Ironclad or Kommo refused the transfer";
            return JobResult.Then(new NoteRequest(request.LeadId, DealNotes.DocumentNotAttached(request.ContractName, fileName, reason, request.WorkflowLink)).ToJob());
        }
    }

    private async Task<bool> AlreadyAttachedAsync(long leadId, string fileName, CancellationToken cancellationToken) =>
        (await kommo.GetNotesAsync([leadId], cancellationToken))
            .Any(n => n.EntityId == leadId && n.NoteType == "attachment" && string.Equals(n.Params?["file_name"]?.GetValue<string>(), fileName, StringComparison.Ordinal));

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Lead {LeadId}: uploaded '{FileName}' ({Bytes} bytes) for its attachment note")]
        public static partial void Attached(ILogger logger, long leadId, string fileName, int bytes);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Lead {LeadId}: the signed document could not be attached ({Reason}); a note with the link was left instead")]
        public static partial void FellBack(ILogger logger, long leadId, string reason);
    }
}
