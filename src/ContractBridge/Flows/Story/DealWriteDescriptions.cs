using System.Globalization;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows.Story;

/// <summary>
/// Kommo batch items in words, as a deal's story shows what the bridge wrote: a lead PATCH may be a stage move, fields
/// and tags at once (one write each); a task moved names its task, not its deal, so it is left out here.
/// </summary>
public static class DealWriteDescriptions
{
    /// <summary>Longest detail kept: a note's text beyond it is cut, with an ellipsis.</summary>
    public const int MaxDetail = 500;

    public static IEnumerable<DealWrite> Of(IKommoBatchItem item, DateTimeOffset at) => item switch
    {
        KommoNewNote { NoteType: "attachment" } note => [Write(note.EntityId, at, DealWriteKinds.Attachment, $"attached {note.Params["file_name"]?.ToString() ?? "a file"}")],
        KommoNewNote note => [Write(note.EntityId, at, DealWriteKinds.Note, note.Params["text"]?.ToString() ?? note.NoteType)],
        KommoNewTask { EntityType: "leads" } task => [Write(task.EntityId, at, DealWriteKinds.Task, $"{task.Text} (due {Due(task.CompleteTill)})")],
        KommoLeadUpdate update => Of(update, at),
        _ => [],
    };

    private static IEnumerable<DealWrite> Of(KommoLeadUpdate update, DateTimeOffset at)
    {
        if (update.StatusId is { } stage)
        {
            var lost = update.LossReasonId is { } reason ? $", loss reason {Number(reason)}" : string.Empty;
            var pipeline = update.PipelineId is { } id ? $" of pipeline {Number(id)}" : string.Empty;
            yield return Write(update.Id, at, DealWriteKinds.Stage, $"moved to stage {Number(stage)}{pipeline}{lost}");
        }

        if (update.CustomFieldsValues is { Count: > 0 } fields)
        {
            yield return Write(update.Id, at, DealWriteKinds.Fields, string.Join("; ", fields.Select(f => $"field {Number(f.FieldId)} = {string.Join(", ", f.Values.Select(Value))}")));
        }

        if (update.TagsToAdd is { Count: > 0 } || update.TagsToDelete is { Count: > 0 })
        {
            var added = update.TagsToAdd is { Count: > 0 } add ? $"tagged {string.Join(", ", add.Select(t => t.Name))}" : null;
            var removed = update.TagsToDelete is { Count: > 0 } delete ? $"untagged {string.Join(", ", delete.Select(t => t.Name))}" : null;
            yield return Write(update.Id, at, DealWriteKinds.Tags, string.Join("; ", new[] { added, removed }.Where(t => t is not null)));
        }
    }

    private static DealWrite Write(long leadId, DateTimeOffset at, string kind, string detail) =>
        new(0, leadId, at, kind, detail.Length <= MaxDetail ? detail : detail[..(MaxDetail - 1)] + "…");

    private static string Value(KommoNewFieldValue value) =>
        value.EnumId is { } choice ? $"choice {Number(choice)}" : value.Value?.ToJsonString() ?? "(empty)";

    private static string Due(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
