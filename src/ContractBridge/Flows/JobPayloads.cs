using System.Text.Json;
using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows;

/// <summary>Job payloads are small JSON records; written once when the job is created, so a re-run does the same thing.</summary>
public static class JobPayloads
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T payload) => JsonSerializer.Serialize(payload, Options);

    /// <summary>Reads a payload; a payload that cannot be read is a permanent failure (replaying cannot fix it).</summary>
    public static T Read<T>(Job job)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(job.Payload, Options) ?? throw new JsonException("empty payload");
        }
        catch (JsonException ex)
        {
            throw new InvalidJobPayloadException($"Job {job.Id} ({job.Kind}) has a payload that cannot be read: {ex.Message}");
        }
    }

    public static NewJob Note(long leadId, string text) =>
        new(JobKinds.Note, JobKinds.LeadKey(leadId), Write(new NoteRequest(leadId, text)));
}

public sealed class InvalidJobPayloadException(string message) : Exception(message);

/// <summary>A deal entered a trigger stage: launch the rule's contract.</summary>
public sealed record LaunchRequest(long LeadId, string Rule, long? PipelineId, long? StatusId, string Trigger);

/// <summary>Ironclad said something happened to a workflow (or the reconciler saw it): read it and act on the deal.</summary>
public sealed record SyncRequest(string WorkflowId, string? Event);

/// <summary>A note on a deal: common text, or (with <see cref="Attachment"/>) a file uploaded to the deal's drive.</summary>
public sealed record NoteRequest(long LeadId, string Text, NoteAttachment? Attachment = null);

/// <summary>A file already in Kommo's drive, for an attachment note.</summary>
public sealed record NoteAttachment(string FileUuid, string VersionUuid, string FileName);

public sealed record TaskRequest(long LeadId, string Text, long DueAtUnix, int TaskTypeId);

/// <summary>
/// Move a deal because its contract was executed or cancelled, unless a human already closed it or moved it on; the note
/// tells which. <see cref="OnlyFromStageId"/>: move only while the deal still sits in this stage (cancellations).
/// </summary>
public sealed record StageMoveRequest(
    long LeadId,
    long TargetStatusId,
    long? TargetPipelineId,
    long? LossReasonId,
    long? OnlyFromStageId,
    string NoteLead,
    string NoteTail);

public sealed record AttachDocumentRequest(long LeadId, string WorkflowId, string ContractName, string WorkflowLink);
