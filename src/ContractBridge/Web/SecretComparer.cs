using System.Security.Cryptography;
using System.Text;

namespace ContractBridge.Web;

/// <summary>
/// Compares a presented secret with the configured one in constant time. Both are hashed first, so neither the content
/// nor the length of the secret leaks through timing.
/// </summary>
public static class SecretComparer
{
    public static bool Matches(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
