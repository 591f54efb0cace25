namespace ContractBridge.Ironclad.Api;

/// <summary>A group of approvals; groups approve one after another in <see cref="Order"/> when approvals are sequential.</summary>
public sealed record IroncladApprovalGroup(IReadOnlyList<IroncladApprovalReviewer>? Reviewers, string? Status, int? Order);
