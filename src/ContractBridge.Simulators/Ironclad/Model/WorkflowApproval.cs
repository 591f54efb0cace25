namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// One triggered approval of a workflow: an approver role (Finance, Legal, …), the user assigned to it, the group it
/// belongs to (groups approve in <see cref="Order"/>, lowest first) and whether it has approved. Mutable, touched only
/// under the state's lock.
/// </summary>
public sealed class WorkflowApproval
{
    public required string RoleId { get; init; }

    public required string DisplayName { get; init; }

    public required IroncladUser Assignee { get; init; }

    public required int Order { get; init; }

    public bool Approved { get; set; }

    public ApprovalView View() => new(RoleId, DisplayName, Assignee.Email, Order, Approved ? "approved" : "pending");
}
