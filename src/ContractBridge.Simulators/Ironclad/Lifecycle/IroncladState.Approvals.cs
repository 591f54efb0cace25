using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>
/// Approvals: an approval is triggered on a workflow in Review (a role, its assignee, its group's order); its assignee
/// approves it, or takes the approval back, while the workflow is in Review and the approval's group is the one
/// reviewing (groups approve in order). Each change of status emits <c>workflow_approval_status_changed</c> and
/// <c>workflow_updated</c>. Moving the workflow on to Sign approves what is still pending, as Ironclad sends a workflow
/// to signature only once its approvals are in.
/// </summary>
public sealed partial class IroncladState
{
    /// <summary>Triggers an approval by <paramref name="roleId"/>, assigned to the user with <paramref name="assigneeEmail"/>.</summary>
    public ApprovalView RequestApproval(string idOrIroncladId, string roleId, string displayName, string assigneeEmail, int order)
    {
        ApprovalView? view = null;
        Change(idOrIroncladId, workflow =>
        {
            RequireApprovalsInReview(workflow, "approvals can only be requested during the Review step");
            if (workflow.Approvals.Exists(a => a.RoleId == roleId))
            {
                throw IroncladApiException.BadRequest(IroncladError.InvalidParam($"an approval by {roleId} is already requested", "approval"));
            }

            var assignee = _users.Find(u => string.Equals(u.Email, assigneeEmail, StringComparison.OrdinalIgnoreCase))
                ?? throw IroncladApiException.BadRequest(IroncladError.InvalidParam("invalid user for user attribute", "approval"));
            var approval = new WorkflowApproval { RoleId = roleId, DisplayName = displayName, Assignee = assignee, Order = order };
            workflow.Approvals.Add(approval);
            view = approval.View();
        }, touch: false);
        return view!;
    }

    /// <summary>
    /// <c>PATCH /workflows/{id}/approvals/{roleId}</c>: <paramref name="approver"/> (the assignee, or null for whoever is
    /// assigned) sets the approval to approved or back to pending. Setting the status it already has changes nothing.
    /// </summary>
    public ApprovalView SetApproval(string idOrIroncladId, string roleId, bool approved, IroncladUser? approver)
    {
        ApprovalView? view = null;
        Change(idOrIroncladId, workflow =>
        {
            var approval = workflow.Approvals.Find(a => a.RoleId == roleId)
                ?? throw IroncladApiException.BadRequest(IroncladError.InvalidParam("This role does not exist in this workflow", "approval"));
            if (approver is not null && !string.Equals(approver.Email, approval.Assignee.Email, StringComparison.OrdinalIgnoreCase))
            {
                throw IroncladApiException.BadRequest(IroncladError.InvalidParam(
                    "This approval either was not requested or this user was not assigned to this approval", "approval"));
            }

            RequireApprovalsInReview(workflow, "approvals can only be updated during the Review step");
            if (workflow.Approvals.Exists(a => a.Order < approval.Order && !a.Approved))
            {
                throw IroncladApiException.BadRequest(IroncladError.InvalidState("This approval cannot be approved out of order", "approval"));
            }

            if (approval.Approved != approved)
            {
                approval.Approved = approved;
                Touch(workflow);
                Emit(workflow, WebhookEvents.WorkflowApprovalStatusChanged);
                Emit(workflow, WebhookEvents.WorkflowUpdated);
            }

            view = approval.View();
        });
        return view!;
    }

    /// <summary>The workflow's approvals, in the order they were requested; null when there is no such workflow.</summary>
    public IReadOnlyList<ApprovalView>? Approvals(string idOrIroncladId)
    {
        lock (_gate)
        {
            return FindWorkflow(idOrIroncladId) is { } workflow ? [.. workflow.Approvals.Select(a => a.View())] : null;
        }
    }

    /// <summary><c>GET /workflows/{id}/approvals</c> as Ironclad answers it; null when there is no such workflow.</summary>
    public JsonObject? ApprovalsJson(string idOrIroncladId)
    {
        lock (_gate)
        {
            return FindWorkflow(idOrIroncladId) is { } workflow ? ApprovalJson.Write(workflow) : null;
        }
    }

    private static void ApproveRemaining(Workflow workflow)
    {
        foreach (var approval in workflow.Approvals)
        {
            approval.Approved = true;
        }
    }

    private static void RequireApprovalsInReview(Workflow workflow, string message)
    {
        if (workflow.Stage != WorkflowStage.Review || workflow.Status != WorkflowStatus.Active)
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidState(message, "approval"));
        }
    }
}
