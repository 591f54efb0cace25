using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// A workflow's approvals as <c>GET /workflows/{id}/approvals</c> answers them: the triggered approvals in groups by
/// order (a group is <c>approved</c> when all its reviewers are, <c>active</c> while it is the one reviewing, else
/// <c>pending</c>), and the approver roles with their assignees. Call under the state lock.
/// </summary>
public static class ApprovalJson
{
    public static JsonObject Write(Workflow workflow)
    {
        var groups = workflow.Approvals.GroupBy(a => a.Order).OrderBy(g => g.Key).ToList();
        var reviewing = groups.FirstOrDefault(g => g.Any(a => !a.Approved))?.Key;
        return new JsonObject
        {
            ["workflowId"] = workflow.Id,
            ["title"] = workflow.Title,
            ["approvalGroups"] = new JsonArray([.. groups.Select(group => (JsonNode)new JsonObject
            {
                ["reviewers"] = new JsonArray([.. group.Select(a => (JsonNode)new JsonObject
                {
                    ["role"] = a.RoleId,
                    ["displayName"] = a.DisplayName,
                    ["reviewerType"] = "role",
                    ["status"] = a.Approved ? "approved" : "pending",
                })]),
                ["status"] = group.All(a => a.Approved) ? "approved" : group.Key == reviewing ? "active" : "pending",
                ["order"] = group.Key,
            })]),
            ["roles"] = new JsonArray([.. workflow.Approvals.Select(a => (JsonNode)new JsonObject
            {
                ["id"] = a.RoleId,
                ["displayName"] = a.DisplayName,
                ["assignees"] = new JsonArray(new JsonObject
                {
                    ["userName"] = a.Assignee.DisplayName,
                    ["userId"] = a.Assignee.Id,
                    ["email"] = a.Assignee.Email,
                }),
            })]),
        };
    }
}
