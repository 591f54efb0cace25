namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>A signer as the control API reports it; <see cref="Type"/> is <c>internal</c> or <c>external</c>.</summary>
public sealed record SignerSnapshot(string RoleName, string Name, string Email, string Type, string? UserId, SignerStatus Status, DateTimeOffset? SignedAt);
