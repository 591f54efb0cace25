namespace ContractBridge.Ironclad.Api;

/// <summary>A role of the workflow and the users assigned to it.</summary>
public sealed record IroncladRole(string? Id, string? DisplayName, IReadOnlyList<IroncladRoleAssignee>? Assignees);
