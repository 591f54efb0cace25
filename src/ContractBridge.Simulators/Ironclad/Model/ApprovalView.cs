namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>An approval as the control API reports it; <see cref="Status"/> is <c>pending</c> or <c>approved</c>.</summary>
public sealed record ApprovalView(string RoleId, string DisplayName, string AssigneeEmail, int Order, string Status);
