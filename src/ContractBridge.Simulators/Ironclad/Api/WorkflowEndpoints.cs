using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>Launch (sync and async), read one workflow (by id or IC number) and list workflows.</summary>
public static class WorkflowEndpoints
{
    public static void Map(IEndpointRouteBuilder api, IroncladServices services)
    {
        api.MapPost("/workflows", async (HttpContext context) =>
        {
            var caller = services.Auth.Authenticate(context, IroncladScopes.CreateWorkflows);
            var useDefaults = UseDefaultValues(context);
            var body = await IroncladJson.ReadObjectAsync(context.Request);
            return IroncladJson.Result(services.Launcher.Launch(body, caller, useDefaults));
        });

        api.MapPost("/workflows/async", async (HttpContext context) =>
        {
            var caller = services.Auth.Authenticate(context, IroncladScopes.CreateWorkflows);
            var useDefaults = UseDefaultValues(context);
            var body = await IroncladJson.ReadObjectAsync(context.Request);
            return IroncladJson.Result(services.Launcher.StartAsync(body, caller, useDefaults));
        });

        api.MapGet("/workflows/async/{asyncJobId}", async (HttpContext context, string asyncJobId) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.CreateWorkflows);
            return IroncladJson.Result(await services.Launcher.AsyncStatusAsync(asyncJobId)
                ?? throw IroncladApiException.NotFound("not found", "asyncJobId"));
        });

        api.MapGet("/workflows/{id}", (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadWorkflows);
            return IroncladJson.Result(services.State.WorkflowJson(id)
                ?? throw IroncladApiException.NotFound("workflow does not exist", "workflowId"));
        });

        api.MapGet("/workflows", (HttpContext context) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadWorkflows);
            var query = WorkflowListQuery.Parse(context.Request.Query, services.Clock.UtcNow);
            var (count, page) = services.State.ListWorkflows(query.Matches, query.Page, query.PageSize);
            return IroncladJson.Result(new JsonObject
            {
                ["page"] = query.Page,
                ["pageSize"] = query.PageSize,
                ["count"] = count,
                ["list"] = new JsonArray([.. page]),
            });
        });
    }

    private static bool UseDefaultValues(HttpContext context)
    {
        var text = context.Request.Query["useDefaultValues"].ToString();
        return text.Length == 0
            ? false
            : bool.TryParse(text, out var value)
                ? value
                : throw IroncladApiException.BadRequest(IroncladError.InvalidParam("useDefaultValues must be true or false", "useDefaultValues"));
    }
}
