namespace ContractBridge.Ironclad.Api;

/// <summary>Who launches a workflow, named by email.</summary>
public sealed record IroncladCreator(string Type, string Email)
{
    public static IroncladCreator ByEmail(string email) => new("email", email);
}
