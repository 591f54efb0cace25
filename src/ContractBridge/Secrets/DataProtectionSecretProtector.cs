using Microsoft.AspNetCore.DataProtection;

namespace ContractBridge.Secrets;

/// <summary><see cref="ISecretProtector"/> on ASP.NET Core Data Protection, whose key ring is shared in the database.</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    public const string Purpose = "ContractBridge.Credentials.v1";

    public string Protect(string purpose, string secret) => provider.CreateProtector(Purpose, purpose).Protect(secret);

    public string Unprotect(string purpose, string protectedSecret) => provider.CreateProtector(Purpose, purpose).Unprotect(protectedSecret);
}
