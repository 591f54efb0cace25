namespace ContractBridge.Secrets;

/// <summary>
/// Encrypts a secret for storage and reads it back. Each secret has a purpose (what it is, e.g. its store key): text
/// protected for one purpose does not unprotect for another, so a value copied to another row is refused.
/// </summary>
public interface ISecretProtector
{
    string Protect(string purpose, string secret);

    /// <summary>The secret; a <see cref="System.Security.Cryptography.CryptographicException"/> when the text is not one this key ring protected for this purpose.</summary>
    string Unprotect(string purpose, string protectedSecret);
}
