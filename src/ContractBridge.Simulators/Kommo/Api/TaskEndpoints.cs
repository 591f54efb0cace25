using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Operations;
using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>Tasks: batch <c>POST /tasks</c> and <c>GET /tasks</c> filtered by entity, type, responsible user and completion.</summary>
internal sealed class TaskEndpoints(KommoApiContext api)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v4/tasks", CreateAsync);
        routes.MapGet("/api/v4/tasks", ListAsync);
        routes.MapGet("/api/v4/tasks/{id:long}", GetAsync);
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
