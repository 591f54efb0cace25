namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// A signer of a workflow's signature packet, by role: the counterparty's signer (external, from the signer attributes)
/// or the company's (internal, a user). Made when the packet goes out; mutable under the state's lock.
/// </summary>
public sealed class WorkflowSigner
{
    public required string RoleName { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    /// <summary>Set for an internal signer (an Ironclad user); null for an external one.</summary>
    public string? UserId { get; init; }

    public bool IsInternal => UserId is not null;

    public SignerStatus Status { get; set; } = SignerStatus.Sent;

    public DateTimeOffset? SignedAt { get; set; }

    public SignerSnapshot Snapshot() => new(RoleName, Name, Email, IsInternal ? "internal" : "external", UserId, Status, SignedAt);
}
