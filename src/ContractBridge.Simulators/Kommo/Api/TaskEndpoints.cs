using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Operations;
using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>
/// Tasks: batch <c>POST /tasks</c>, <c>PATCH /tasks</c> (batch) and <c>PATCH /tasks/{id}</c>, and <c>GET /tasks</c> filtered
/// by entity, type, responsible user and completion.
/// </summary>
internal sealed class TaskEndpoints(KommoApiContext api)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v4/tasks", CreateAsync);
        routes.MapGet("/api/v4/tasks", ListAsync);
        routes.MapGet("/api/v4/tasks/{id:long}", GetAsync);
        routes.MapPatch("/api/v4/tasks", PatchBatchAsync);
        routes.MapPatch("/api/v4/tasks/{id:long}", PatchOneAsync);
    }

    private async Task PatchBatchAsync(HttpContext context)
    {
        using var document = await KommoHttp.ReadJsonAsync(context);
        if (document is null)
        {
            return;
        }

        var items = await BatchBody.ItemsAsync(context, document);
        if (items is null)
        {
            return;
        }

        var now = api.Now();
        var outcome = api.Store.Write(data => TaskUpdates.Run(items, null, data, now));
        if (!outcome.Succeeded)
        {
            await KommoHttp.WriteValidationProblemAsync(context, outcome.Failures);
            return;
        }

        await KommoHttp.WriteHalAsync(context, HalCollection.Create(api.Links.Api("tasks"), "tasks", outcome.Updated.Select(updated => new JsonObject
        {
            ["id"] = updated.Id,
            ["updated_at"] = updated.UpdatedAt,
            ["request_id"] = updated.RequestId,
            ["_links"] = KommoLinks.Self(api.Links.Api($"tasks/{updated.Id}")),
        })));
    }

    /// <summary>Kommo answers a single-task PATCH with only the task's id and updated_at, at the top level.</summary>
    private async Task PatchOneAsync(HttpContext context)
    {
        var id = KommoApiContext.RouteId(context);
        using var document = await KommoHttp.ReadJsonAsync(context);
        if (document is null)
        {
            return;
        }

        if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            await KommoHttp.WriteBadRequestAsync(context, "Request body must be a JSON object");
            return;
        }

        var now = api.Now();
        var outcome = api.Store.Write(data => TaskUpdates.Run([document.RootElement], id, data, now));
        if (!outcome.Succeeded)
        {
            await KommoHttp.WriteValidationProblemAsync(context, outcome.Failures);
            return;
        }

        await KommoHttp.WriteHalAsync(context, new JsonObject
        {
            ["id"] = outcome.Updated[0].Id,
            ["updated_at"] = outcome.Updated[0].UpdatedAt,
            ["_links"] = KommoLinks.Self(api.Links.Api($"tasks/{id}")),
        });
    }

    private async Task CreateAsync(HttpContext context)
    {
        using var document = await KommoHttp.ReadJsonAsync(context);
        if (document is null)
        {
            return;
        }

        var items = await BatchBody.ItemsAsync(context, document);
        if (items is null)
        {
            return;
        }

        var now = api.Now();
        var outcome = api.Store.Write(data => TaskCreation.Run(items, data, data.OwnerUserId, now));
        if (!outcome.Succeeded)
        {
            await KommoHttp.WriteValidationProblemAsync(context, outcome.Failures);
            return;
        }

        await KommoHttp.WriteHalAsync(context, HalCollection.Create(api.Links.Api("tasks"), "tasks", outcome.Created.Select(created => new JsonObject
        {
            ["id"] = created.Id,
            ["request_id"] = created.RequestId,
            ["_links"] = KommoLinks.Self(api.Links.Api($"tasks/{created.Id}")),
        })));
    }

    private Task ListAsync(HttpContext context)
    {
        var (query, problem) = ListQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return KommoHttp.WriteBadRequestAsync(context, problem!);
        }

        var ids = query.FilterIds("id");
        var entityIds = query.FilterIds("entity_id");
        var entityType = query.FilterValues("entity_type") is [var type, ..] ? type : null;
        var responsible = query.FilterIds("responsible_user_id");
        var taskTypes = query.FilterIds("task_type");
        var completed = query.FilterValues("is_completed") is [var flag, ..] ? flag : null;
        var (items, hasMore) = api.Store.Read(data =>
        {
            var tasks = data.Tasks.Values.Where(t =>
                (ids is null || ids.Contains(t.Id))
                && (entityIds is null || (t.EntityId is { } entity && entityIds.Contains(entity)))
                && (entityType is null || t.EntityType == entityType)
                && (responsible is null || responsible.Contains(t.ResponsibleUserId))
                && (taskTypes is null || taskTypes.Contains(t.TaskTypeId))
                && (completed is null || t.IsCompleted == (completed is "1" or "true")));
            var page = query.PageOf(tasks, out var more);
            return (page.Select(t => TaskJson.Write(t, api.Links, api.AccountId)).ToList(), more);
        });
        return HalList.WriteAsync(context, query, "tasks", items, hasMore, api.Links);
    }

    private Task GetAsync(HttpContext context)
    {
        var id = KommoApiContext.RouteId(context);
        var task = api.Store.Read(data => data.Tasks.TryGetValue(id, out var t) ? TaskJson.Write(t, api.Links, api.AccountId) : null);
        return task is null ? KommoHttp.WriteNoContent(context) : KommoHttp.WriteHalAsync(context, task);
    }
}
