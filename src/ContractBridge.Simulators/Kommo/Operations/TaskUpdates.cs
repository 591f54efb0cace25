using System.Text.Json;
using ContractBridge.Simulators.Kommo.Api;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>
/// Edits tasks from <c>PATCH /tasks</c> (each item names its task by <c>id</c>) or <c>PATCH /tasks/{id}</c>, all or
/// nothing, as Kommo does: text (not blank), complete_till, responsible_user_id (a user of the account), task_type_id,
/// duration and is_completed may change; an unknown task is refused by its item.
/// </summary>
internal static class TaskUpdates
{
    /// <param name="routeTaskId">The task of a single PATCH (its URL names it); null for a batch, whose items carry their ids.</param>
    public static TaskUpdateOutcome Run(IReadOnlyList<JsonElement> items, long? routeTaskId, KommoAccountData data, long now)
    {
        var failures = new List<RequestValidationErrors>();
        var planned = new List<(KommoTask Task, JsonElement Item, string RequestId)>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var requestId = JsonRead.RequestId(item, index);
            var errors = new List<ValidationError>();
            var task = Find(item, routeTaskId, data, errors);
            Check(item, data, errors);
            if (errors.Count > 0)
            {
                failures.Add(new RequestValidationErrors(requestId, errors));
            }
            else if (task is not null)
            {
                planned.Add((task, item, requestId));
            }
        }

        if (failures.Count > 0)
        {
            return new TaskUpdateOutcome(failures, []);
        }

        var updated = new List<UpdatedTask>();
        foreach (var (task, item, requestId) in planned)
        {
            Apply(task, item);
            task.UpdatedAt = now;
            updated.Add(new UpdatedTask(task.Id, now, requestId));
        }

        return new TaskUpdateOutcome([], updated);
    }

    private static KommoTask? Find(JsonElement item, long? routeTaskId, KommoAccountData data, List<ValidationError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ValidationError.InvalidType("", "object"));
            return null;
        }

        var id = routeTaskId ?? JsonRead.Integer(item, "id", "id", errors);
        if (id is null)
        {
            if (!JsonRead.Has(item, "id"))
            {
                errors.Add(ValidationError.FieldMissing("id"));
            }

            return null;
        }

        if (!data.Tasks.TryGetValue(id.Value, out var task))
        {
            errors.Add(new ValidationError("NotFound", "id", $"Task {id} not found"));
            return null;
        }

        return task;
    }

    private static void Check(JsonElement item, KommoAccountData data, List<ValidationError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (JsonRead.String(item, "text", "text", errors) is { } text && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(ValidationError.NotBlank("text"));
        }

        JsonRead.Integer(item, "complete_till", "complete_till", errors);
        JsonRead.Integer(item, "duration", "duration", errors);
        if (JsonRead.Integer(item, "task_type_id", "task_type_id", errors) is { } type && type is not (1 or 2))
        {
            errors.Add(ValidationError.NotSupportedChoice("task_type_id"));
        }

        if (JsonRead.Integer(item, "responsible_user_id", "responsible_user_id", errors) is { } user && !data.Users.ContainsKey(user))
        {
            errors.Add(ValidationError.NotSupportedChoice("responsible_user_id"));
        }

        if (item.TryGetProperty("is_completed", out var completed) && completed.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(ValidationError.InvalidType("is_completed", "bool"));
        }
    }

    /// <summary>Applies the fields the item carries; the others keep their values (PATCH semantics).</summary>
    private static void Apply(KommoTask task, JsonElement item)
    {
        var ignored = new List<ValidationError>();
        task.Text = JsonRead.String(item, "text", "text", ignored) ?? task.Text;
        task.CompleteTill = JsonRead.Integer(item, "complete_till", "complete_till", ignored) ?? task.CompleteTill;
        task.Duration = JsonRead.Integer(item, "duration", "duration", ignored) ?? task.Duration;
        task.TaskTypeId = JsonRead.Integer(item, "task_type_id", "task_type_id", ignored) ?? task.TaskTypeId;
        task.ResponsibleUserId = JsonRead.Integer(item, "responsible_user_id", "responsible_user_id", ignored) ?? task.ResponsibleUserId;
        if (item.TryGetProperty("is_completed", out var completed))
        {
            task.IsCompleted = completed.ValueKind == JsonValueKind.True;
        }
    }
}
