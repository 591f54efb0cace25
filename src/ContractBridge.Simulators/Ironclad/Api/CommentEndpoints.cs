using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// A workflow's comments: <c>POST /workflows/{id}/comments</c> <c>{"comment","creator","repliedToActivityFeedMessageId"}</c>
/// (creator required with a legacy token; OAuth calls comment as their acting user; the reply's original must be a
/// comment of the workflow) answers 200 with the <c>ActivityFeedComment</c>;
/// <c>GET /workflows/{id}/comments?page&amp;pageSize</c> lists them oldest first, paged (20 by default, at most 100).
/// </summary>
public static class CommentEndpoints
{
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
            var repliedTo = body["repliedToActivityFeedMessageId"] switch
            {
                null => null,
                JsonValue reply when reply.GetValueKind() == JsonValueKind.String => reply.GetValue<string>(),
                _ => throw IroncladApiException.BadRequest(IroncladError.InvalidParam("repliedToActivityFeedMessageId must be a string", "repliedToActivityFeedMessageId")),
            };
            var comment = services.State.AddComment(id, author, text.GetValue<string>(), repliedToId: repliedTo);
            return IroncladJson.Result(CommentJson.Write(comment, services.Options.CompanyName, services.State.Comments(id) ?? []));
        });

        api.MapGet("/workflows/{id}/comments", (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadComments);
            var page = PageQuery.Page(context);
            var pageSize = PageQuery.PageSize(context);
            var comments = services.State.Comments(id) ?? throw IroncladApiException.NotFound("workflow does not exist", "workflowId");
            return IroncladJson.Result(new JsonObject
            {
                ["page"] = page,
                ["pageSize"] = pageSize,
                ["count"] = comments.Count,
                ["list"] = new JsonArray([.. comments.Skip(page * pageSize).Take(pageSize).Select(c => (JsonNode)CommentJson.Write(c, services.Options.CompanyName, comments))]),
            });
        });
    }
}
