namespace ContractBridge.Ironclad.Api;

/// <summary>
/// One signer of a sign-status: who (name, email), for which role (the name reminders are addressed by), and where they
/// are (<c>pending</c>, <c>sent</c>, <c>viewed</c>, <c>declined</c>, <c>signed</c>); <see cref="Type"/> is internal or external.
/// </summary>
public sealed record IroncladSigner(string Name, string Email, string RoleName, string Status, string? Type)
{
    public bool HasSigned => string.Equals(Status, "signed", StringComparison.OrdinalIgnoreCase);
}
