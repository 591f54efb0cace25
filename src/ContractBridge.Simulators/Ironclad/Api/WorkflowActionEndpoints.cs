using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// The lifecycle calls of the real API: cancel, pause, resume (POST, body <c>{"comment":{"message"}}</c> required, 204;
/// a workflow in the wrong state answers 400 INVALID_STATE; the comment joins the activity feed) and
/// revert-to-review (PATCH, 204; a legacy token names the acting <c>user</c>).
/// </summary>
public static class WorkflowActionEndpoints
{
    public static void Map(IEndpointRouteBuilder api, IroncladServices services)
    {
        MapCommented(api, services, "cancel", IroncladScopes.Cancel, id => services.State.Cancel(id));
        MapCommented(api, services, "pause", IroncladScopes.PauseAndResume, id => services.State.Pause(id));
        MapCommented(api, services, "resume", IroncladScopes.PauseAndResume, id => services.State.Resume(id));

        api.MapPatch("/workflows/{id}/revert-to-review", async (HttpContext context, string id) =>
        {
            var caller = services.Auth.Authenticate(context, IroncladScopes.RevertToReview);
            var body = await IroncladJson.ReadObjectAsync(context.Request);
            if (caller.IsLegacyToken)
            {
                var email = body["user"] is JsonObject user && user["email"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
                    ? value.GetValue<string>()
                    : throw IroncladApiException.BadRequest(IroncladError.MissingParam("user is required with a legacy API token", "user"));
                _ = services.State.FindUserByEmail(email)
                    ?? throw IroncladApiException.BadRequest(IroncladError.InvalidParam("invalid user for user attribute", "user"));
            }

            RequireWorkflow(services, id);
            services.State.RevertToReview(id);
            return Results.NoContent();
        });
    }

    private static void MapCommented(IEndpointRouteBuilder api, IroncladServices services, string action, string scope, Func<string, WorkflowSnapshot> change) =>
        api.MapPost($"/workflows/{{id}}/{action}", async (HttpContext context, string id) =>
        {
            var caller = services.Auth.Authenticate(context, scope);
            var body = await IroncladJson.ReadObjectAsync(context.Request);
            if (body["comment"] is not JsonObject comment || comment["message"] is not JsonValue message
                || message.GetValueKind() != JsonValueKind.String)
            {
                throw IroncladApiException.BadRequest(IroncladError.MissingParam("comment.message is required", "comment"));
            }

            RequireWorkflow(services, id);
            change(id);

            // The comment an action carries stays in the activity feed, by the acting user (a legacy token acts for the
            // company: its first user).
            services.State.AddComment(id, caller.ActingUser ?? services.State.Users[0], message.GetValue<string>(), emit: false);
            return Results.NoContent();
        });

    private static void RequireWorkflow(IroncladServices services, string id)
    {
        if (services.State.Workflow(id) is null)
        {
            throw IroncladApiException.NotFound("workflow does not exist", "workflowId");
        }
    }
}
