using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// Templates as "workflow schemas" (<c>GET /workflow-schemas?form=launch</c>, <c>/{id}</c>; an unknown id is
/// 400 NOT_FOUND), and the seed dialect's <c>GET /templates</c>.
/// </summary>
public static class WorkflowSchemaEndpoints
{
    public static void Map(IEndpointRouteBuilder api, IroncladServices services)
    {
        api.MapGet("/workflow-schemas", (HttpContext context) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadSchemas);
            CheckForm(context);
            return IroncladJson.Result(new JsonObject
            {
                ["list"] = new JsonArray([.. services.State.Templates.Select(t => (JsonNode)WorkflowJsonWriter.WriteTemplate(t))]),
            });
        });

        api.MapGet("/workflow-schemas/{id}", (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadSchemas);
            CheckForm(context);
            var template = services.State.FindTemplate(id)
                ?? throw IroncladApiException.BadRequest(IroncladError.NotFound("workflow  template schema not found", "templateId"));
            return IroncladJson.Result(WorkflowJsonWriter.WriteTemplate(template));
        });

        api.MapGet("/templates", (HttpContext context) =>
        {
            if (!services.State.SeedDialect)
            {
                throw IroncladApiException.NotFound("not found", "path");
            }

            services.Auth.Authenticate(context, IroncladScopes.ReadSchemas);
            return IroncladJson.Result(new JsonObject
            {
                ["templates"] = new JsonArray([.. services.State.Templates.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["name"] = t.Name })]),
            });
        });
    }

    private static void CheckForm(HttpContext context)
    {
        var form = context.Request.Query["form"].ToString();
        if (form.Length > 0 && form != "launch")
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidParam(
                $"invalid query value '{form}'; value must be one of [launch]", "/?form"));
        }
    }
}
