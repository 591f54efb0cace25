using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// A workflow's comments: <c>POST /workflows/{id}/comments</c> <c>{"comment","creator"}</c> (creator required with a
/// legacy token; OAuth calls comment as their acting user) answers 200 with the <c>ActivityFeedComment</c>;
/// <c>GET /workflows/{id}/comments?page&amp;pageSize</c> lists them oldest first, paged (20 by default, at most 100).
/// </summary>
public static class CommentEndpoints
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public static void Map(IEndpointRouteBuilder api, IroncladServices services)
    {
        api.MapPost("/workflows/{id}/comments", async (HttpContext context, string id) =>
        {
            var caller = services.Auth.Authenticate(context, IroncladScopes.CreateComments);
            var body = await IroncladJson.ReadObjectAsync(context.Request);
            if (body["comment"] is not JsonValue text || text.GetValueKind() != JsonValueKind.String || text.GetValue<string>().Trim().Length == 0)
            {
                throw IroncladApiException.BadRequest(IroncladError.MissingParam("comment is required and must be a non-empty string", "comment"));
            }

            var author = caller.IsLegacyToken ? LaunchRequestParser.ParseCreator(body["creator"], services.State, "commenting") : caller.ActingUser!;
            var comment = services.State.AddComment(id, author, text.GetValue<string>());
            return IroncladJson.Result(CommentJson.Write(comment, services.Options.CompanyName));
        });

        api.MapGet("/workflows/{id}/comments", (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadComments);
            var page = Number(context, "page", 0, 0, int.MaxValue);
            var pageSize = Number(context, "pageSize", DefaultPageSize, 1, MaxPageSize);
            var comments = services.State.Comments(id) ?? throw IroncladApiException.NotFound("workflow does not exist", "workflowId");
            return IroncladJson.Result(new JsonObject
            {
                ["page"] = page,
                ["pageSize"] = pageSize,
                ["count"] = comments.Count,
                ["list"] = new JsonArray([.. comments.Skip(page * pageSize).Take(pageSize).Select(c => (JsonNode)CommentJson.Write(c, services.Options.CompanyName))]),
            });
        });
    }

    private static int Number(HttpContext context, string name, int fallback, int min, int max)
    {
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw IroncladApiException.BadRequest(IroncladError.InvalidParam($"{name} must be an integer from {min} to {max}", name));
    }
}
