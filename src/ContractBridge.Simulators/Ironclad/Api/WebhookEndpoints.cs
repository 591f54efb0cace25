using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary><c>/webhooks</c>: create (201), list (paged: <c>page</c> from 0, <c>pageSize</c> 1–100, default 20), get, update, delete, and the PEM verification key.</summary>
public static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder api, IroncladServices services)
    {
        api.MapPost("/webhooks", async (HttpContext context) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.CreateWebhooks);
            var body = await IroncladJson.ReadObjectAsync(context.Request);
            return IroncladJson.Result(services.State.CreateWebhook(body), StatusCodes.Status201Created);
        });

        api.MapGet("/webhooks", (HttpContext context) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadWebhooks);
            var page = PageNumber(context, "page", 0, 0, 100_000_000);
            var pageSize = PageNumber(context, "pageSize", 20, 1, 100);
            var (_, list) = services.State.ListWebhooks(page, pageSize);
            return IroncladJson.Result(new JsonObject { ["page"] = page, ["pageSize"] = pageSize, ["list"] = new JsonArray([.. list]) });
        });

        api.MapGet("/webhooks/verification-key", (HttpContext context) =>
        {
            services.Auth.Authenticate(context, scope: null);
            return Results.Text(services.SigningKey.PublicKeyPem, "text/plain; charset=utf-8");
        });

        api.MapGet("/webhooks/{id}", (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadWebhooks);
            return IroncladJson.Result(services.State.WebhookJson(id));
        });

        api.MapPatch("/webhooks/{id}", async (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.UpdateWebhooks);
            var body = await IroncladJson.ReadObjectAsync(context.Request);
            return IroncladJson.Result(services.State.UpdateWebhook(id, body));
        });

        api.MapDelete("/webhooks/{id}", (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.DeleteWebhooks);
            services.State.DeleteWebhook(id);
            return Results.NoContent();
        });
    }

    private static int PageNumber(HttpContext context, string name, int fallback, int min, int max)
    {
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw IroncladApiException.BadRequest(IroncladError.InvalidParam($"{name} must be an integer from {min} to {max}", name));
    }
}
