namespace ContractBridge.Ironclad.Api;

/// <summary>One approval: the approver role (<see cref="Role"/> is its id), its name, and <c>pending</c> or <c>approved</c>.</summary>
public sealed record IroncladApprovalReviewer(string? Role, string? DisplayName, string? ReviewerType, string? Status)
{
    public bool IsApproved => string.Equals(Status, "approved", StringComparison.OrdinalIgnoreCase);
}
