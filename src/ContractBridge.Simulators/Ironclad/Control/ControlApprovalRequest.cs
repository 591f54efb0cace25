namespace ContractBridge.Simulators.Ironclad.Control;

/// <summary>Body of <c>POST /_sim/workflows/{id}/approvals</c>: trigger an approval by a role, assigned to a user.</summary>
/// <param name="Order">The approval's group: groups approve one after another, lowest first.</param>
public sealed record ControlApprovalRequest(string Role, string DisplayName, string AssigneeEmail, int Order = 1);
