using ContractBridge.Configuration;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealActions;

/// <summary>
/// Writes notes on deals (text, or an uploaded file), up to 250 in one Kommo call. A retried note is first looked for on
/// its deal (a lost answer may hide a note that was written), so a note is never written twice. One bad note does not
/// hold back the others: the notes Kommo refuses by name end as dead letters with Kommo's reason and the rest is sent
/// again (<see cref="KommoBatchWriter"/>); a refusal that names no note sends them one by one.
/// </summary>
public sealed class NoteHandler(IOptions<BridgeOptions> bridge, KommoClient kommo) : IJobHandler
{
    public string Kind => JobKinds.Note;

    public JobHandlerOptions Options { get; } = BatchOutcomes.KommoWrites(bridge.Value.Kommo, concurrentBatches: 2);

    public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
    {
        var notes = await BatchOutcomes.ReadAllAsync<NoteRequest>(batch, cancellationToken);
        var pending = await SkipWrittenAsync(batch, notes, cancellationToken);
        if (pending is null || pending.Count == 0)
        {
            return;
        }

        var byRequestId = pending.ToDictionary(n => BatchOutcomes.RequestId(n.Job), StringComparer.Ordinal);
        var outcome = await KommoBatchWriter.WriteAsync(
            [.. pending.Select(n => ToNote(n.Request) with { RequestId = BatchOutcomes.RequestId(n.Job) })], kommo.AddNotesAsync, cancellationToken);
        await BatchOutcomes.CompleteAllAsync(batch, outcome.Written.Select(id => byRequestId[id].Job), JobResult.Done, cancellationToken);
        foreach (var refusal in outcome.Refused)
        {
            var (job, request) = byRequestId[refusal.RequestId];
            await batch.CompleteAsync(job, BatchOutcomes.Refused($"the note on lead {request.LeadId}", refusal), cancellationToken);
        }

        var unwritten = outcome.Unwritten.Select(id => byRequestId[id]).ToList();
        if (outcome.Failure is { IsTransient: false } && unwritten.Count > 1)
        {
            // Refused without naming a note: one by one, so the bad note, whichever it is, holds back only itself.
            foreach (var (job, request) in unwritten)
            {
                using (batch.EnterSpanOf(job))
                {
                    await batch.CompleteAsync(job, await WriteOneAsync(job, request, cancellationToken), cancellationToken);
                }
            }
        }
        else if (outcome.Failure is { } failure)
        {
            await BatchOutcomes.CompleteAllAsync(batch, unwritten.Select(n => n.Job), BatchOutcomes.FromFailure(failure), cancellationToken);
        }
    }

    /// <summary>Retried notes that are already on their deal are done; returns the rest, or null when the check itself failed.</summary>
    private async Task<List<(Job Job, NoteRequest Request)>?> SkipWrittenAsync(JobBatch batch, List<(Job Job, NoteRequest Request)> notes, CancellationToken cancellationToken)
    {
        var retried = notes.Where(n => n.Job.Attempt > 1).Select(n => n.Request.LeadId).ToHashSet();
        if (retried.Count == 0)
        {
            return notes;
        }

        HashSet<(long, string)> written;
        try
        {
            written = (await kommo.GetNotesAsync([.. retried], cancellationToken))
                .Select(n => (n.EntityId, Identity(n)))
                .Where(n => n.Item2 is not null)
                .Select(n => (n.EntityId, n.Item2!))
                .ToHashSet();
        }
        catch (UpstreamException ex)
        {
            await BatchOutcomes.CompleteAllAsync(batch, notes.Select(n => n.Job), BatchOutcomes.FromFailure(ex), cancellationToken);
            return null;
        }

        var pending = new List<(Job, NoteRequest)>();
        foreach (var note in notes)
        {
            if (written.Contains((note.Request.LeadId, Identity(note.Request))))
            {
                await batch.CompleteAsync(note.Job, JobResult.Done, cancellationToken);
            }
            else
            {
                pending.Add(note);
            }
        }

        return pending;
    }

    private static KommoNewNote ToNote(NoteRequest request) => request.Attachment is { } file
        ? KommoNewNote.Attachment(request.LeadId, new KommoUploadedFile(file.FileUuid, file.VersionUuid, file.FileName, 0))
        : KommoNewNote.Common(request.LeadId, request.Text);

    /// <summary>How a written note is recognised: its text, or for an attachment the file's name.</summary>
    private static string Identity(NoteRequest request) => request.Attachment is { } file ? "file:" + file.FileName : request.Text;

    private static string? Identity(KommoNote note) => note.NoteType == "attachment"
        ? note.Params?["file_name"]?.GetValue<string>() is { } name ? "file:" + name : null
        : note.Text;

    private async Task<JobResult> WriteOneAsync(Job job, NoteRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await kommo.AddNotesAsync([ToNote(request) with { RequestId = BatchOutcomes.RequestId(job) }], cancellationToken);
            return JobResult.Done;
        }
        catch (UpstreamException ex)
        {
            return BatchOutcomes.FromFailure(ex);
        }
    }
}
