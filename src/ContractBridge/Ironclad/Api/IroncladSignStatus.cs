namespace ContractBridge.Ironclad.Api;

/// <summary>
/// GET /workflows/{id}/sign-status (SignStatusModel): the signers, and the request's status (<c>not_sent</c>,
/// <c>sent</c>, <c>action_required</c>, <c>complete</c>). Only a workflow at the Sign step has one.
/// </summary>
public sealed record IroncladSignStatus(IReadOnlyList<IroncladSigner>? Signers, string? Status);
