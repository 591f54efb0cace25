namespace ContractBridge.Ironclad.Api;

/// <summary>A user assigned to a role.</summary>
public sealed record IroncladRoleAssignee(string? UserName, string? UserId, string? Email);
