using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// A workflow's approvals and turns: <c>GET /workflows/{id}/approvals</c> (the triggered approvals in groups, and the
/// approver roles with their assignees); <c>PATCH /workflows/{id}/approvals/{roleId}</c> <c>{"status","user"}</c>
/// (<c>user</c> required with a legacy token, OAuth calls approve as their acting user; answers 200 <c>true</c>); and
/// <c>GET /workflows/{id}/turn-history?page&amp;pageSize</c>, first turn first.
/// </summary>
public static class ApprovalAndTurnEndpoints
{
    public static void Map(IEndpointRouteBuilder api, IroncladServices services)
    {
        api.MapGet("/workflows/{id}/approvals", (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadApprovals);
            return IroncladJson.Result(services.State.ApprovalsJson(id) ?? throw IroncladApiException.NotFound("workflow does not exist", "workflowId"));
        });

        api.MapPatch("/workflows/{id}/approvals/{roleId}", async (HttpContext context, string id, string roleId) =>
        {
            var caller = services.Auth.Authenticate(context, IroncladScopes.UpdateApprovals);
            var body = await IroncladJson.ReadObjectAsync(context.Request);
            var status = body["status"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
            if (status is not ("approved" or "pending"))
            {
                throw IroncladApiException.BadRequest(IroncladError.InvalidParam("status must be one of [approved, pending]", "status"));
            }

            var approver = caller.IsLegacyToken
                ? body["user"] is JsonObject user && user["email"] is JsonValue email && email.GetValueKind() == JsonValueKind.String
                    ? services.State.FindUserByEmail(email.GetValue<string>())
                        ?? throw IroncladApiException.BadRequest(IroncladError.InvalidParam("invalid user for user attribute", "approval"))
                    : throw IroncladApiException.BadRequest(IroncladError.MissingParam("user is required with a legacy API token", "user"))
                : caller.ActingUser!;
            if (services.State.Workflow(id) is null)
            {
                throw IroncladApiException.NotFound("workflow does not exist", "workflowId");
            }

            services.State.SetApproval(id, roleId, status == "approved", approver);
            return IroncladJson.Result(JsonValue.Create(true));
        });

        api.MapGet("/workflows/{id}/turn-history", (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadTurnHistory);
            var page = PageQuery.Page(context);
            var pageSize = PageQuery.PageSize(context);
            var (count, turns) = services.State.TurnHistory(id, page, pageSize) ?? throw IroncladApiException.NotFound("workflow does not exist", "workflowId");
            return IroncladJson.Result(new JsonObject
            {
                ["page"] = page,
                ["pageSize"] = pageSize,
                ["count"] = count,
                ["list"] = new JsonArray([.. turns]),
            });
        });
    }
}
