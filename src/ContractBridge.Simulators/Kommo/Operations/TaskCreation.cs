using System.Text.Json;
using ContractBridge.Simulators.Kommo.Api;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>
/// Creates tasks from <c>POST /tasks</c>, all or nothing: a text that is not blank and complete_till are required, the
/// entity must exist, the task type must be one of the account's.
/// </summary>
internal static class TaskCreation
{
    /// <summary>Kommo's system task types: 1 follow-up, 2 meeting.</summary>
    private static readonly HashSet<long> TaskTypes = [1, 2];

    private static readonly HashSet<string> EntityTypes = new(StringComparer.Ordinal) { "leads", "contacts", "companies" };

    public static CreationOutcome Run(IReadOnlyList<JsonElement> items, KommoAccountData data, long userId, long now)
    {
        var failures = new List<RequestValidationErrors>();
        var planned = new List<(KommoTask Task, string RequestId)>();
        for (var index = 0; index < items.Count; index++)
        {
            var requestId = JsonRead.RequestId(items[index], index);
            var errors = new List<ValidationError>();
            var task = Read(items[index], data, userId, now, errors);
            if (errors.Count > 0)
            {
                failures.Add(new RequestValidationErrors(requestId, errors));
            }
            else if (task is not null)
            {
                planned.Add((task, requestId));
            }
        }

        if (failures.Count > 0)
        {
            return new CreationOutcome(failures, []);
        }

        var created = new List<CreatedItem>();
        foreach (var (draft, requestId) in planned)
        {
            var task = new KommoTask
            {
                Id = data.Ids.NextTask(),
                EntityId = draft.EntityId,
                EntityType = draft.EntityType,
                Text = draft.Text,
                CompleteTill = draft.CompleteTill,
                TaskTypeId = draft.TaskTypeId,
                ResponsibleUserId = draft.ResponsibleUserId,
                IsCompleted = draft.IsCompleted,
                Duration = draft.Duration,
                CreatedBy = userId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            data.Tasks[task.Id] = task;
            created.Add(new CreatedItem(task.Id, task.EntityId, task.EntityType, requestId));
        }

        return new CreationOutcome([], created);
    }

    private static KommoTask? Read(JsonElement item, KommoAccountData data, long userId, long now, List<ValidationError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ValidationError.InvalidType("", "object"));
            return null;
        }

        var text = JsonRead.String(item, "text", "text", errors);
        if (text is null && !JsonRead.Has(item, "text"))
        {
            errors.Add(ValidationError.FieldMissing("text"));
        }
        else if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(ValidationError.NotBlank("text"));
        }

        var completeTill = JsonRead.Integer(item, "complete_till", "complete_till", errors);
        if (completeTill is null && !JsonRead.Has(item, "complete_till"))
        {
            errors.Add(ValidationError.FieldMissing("complete_till"));
        }

        var (entityId, entityType) = ReadEntity(item, data, errors);
        var taskType = JsonRead.Integer(item, "task_type_id", "task_type_id", errors) ?? 1;
        if (!TaskTypes.Contains(taskType))
        {
            errors.Add(ValidationError.NotSupportedChoice("task_type_id"));
        }

        var responsible = JsonRead.Integer(item, "responsible_user_id", "responsible_user_id", errors) ?? userId;
        if (!data.Users.ContainsKey(responsible))
        {
            errors.Add(ValidationError.NotSupportedChoice("responsible_user_id"));
        }

        var duration = JsonRead.Integer(item, "duration", "duration", errors) ?? 0;
        var isCompleted = item.TryGetProperty("is_completed", out var completed) && completed.ValueKind == JsonValueKind.True;
        if (errors.Count > 0 || text is null || completeTill is null)
        {
            return null;
        }

        return new KommoTask
        {
            Id = 0,
            EntityId = entityId,
            EntityType = entityType,
            Text = text,
            CompleteTill = completeTill.Value,
            TaskTypeId = taskType,
            ResponsibleUserId = responsible,
            IsCompleted = isCompleted,
            Duration = duration,
            CreatedAt = now,
        };
    }

    private static (long? Id, string? Type) ReadEntity(JsonElement item, KommoAccountData data, List<ValidationError> errors)
    {
        var entityId = JsonRead.Integer(item, "entity_id", "entity_id", errors);
        var entityType = JsonRead.String(item, "entity_type", "entity_type", errors);
        if (entityId is null)
        {
            return (null, null);
        }

        if (entityType is null || !EntityTypes.Contains(entityType))
        {
            errors.Add(entityType is null ? ValidationError.FieldMissing("entity_type") : ValidationError.NotSupportedChoice("entity_type"));
            return (null, null);
        }

        var exists = entityType switch
        {
            "leads" => data.Leads.ContainsKey(entityId.Value),
            "contacts" => data.Contacts.ContainsKey(entityId.Value),
            _ => data.Companies.ContainsKey(entityId.Value),
        };
        if (!exists)
        {
            errors.Add(new ValidationError("NotFound", "entity_id", $"Entity {entityId} not found"));
        }

        return (entityId, entityType);
    }
}
