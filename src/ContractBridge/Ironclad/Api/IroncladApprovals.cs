namespace ContractBridge.Ironclad.Api;

/// <summary>
/// <c>GET /workflows/{id}/approvals</c>: the triggered approvals in their groups, and the approver roles with the users
/// assigned to them.
/// </summary>
public sealed record IroncladApprovals(IReadOnlyList<IroncladApprovalGroup>? ApprovalGroups, IReadOnlyList<IroncladRole>? Roles);
