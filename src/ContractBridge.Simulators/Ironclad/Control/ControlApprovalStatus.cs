namespace ContractBridge.Simulators.Ironclad.Control;

/// <summary>Body of <c>POST /_sim/workflows/{id}/approvals/{role}</c>: the assignee sets it <c>approved</c> or back to <c>pending</c>.</summary>
public sealed record ControlApprovalStatus(string Status);
