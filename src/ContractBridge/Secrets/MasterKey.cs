using System.Security.Cryptography;
using System.Text;

namespace ContractBridge.Secrets;

/// <summary>
/// One master key, as the key ring's encryptor uses it: never the configured bytes themselves but a 256-bit AES key
/// derived from them by HKDF-SHA256, and an id (also derived, so it says nothing of the key) that each protected entry
/// carries, so the right key is found after a rotation.
/// </summary>
public sealed class MasterKey
{
    public const int MinimumBytes = 32;
    private static readonly byte[] EncryptionInfo = Encoding.ASCII.GetBytes("ContractBridge.DataProtection.KeyRing.AES-256-GCM.v1");
    private static readonly byte[] IdInfo = Encoding.ASCII.GetBytes("ContractBridge.DataProtection.KeyRing.KeyId.v1");

    private MasterKey(string id, byte[] encryptionKey)
    {
        Id = id;
        EncryptionKey = encryptionKey;
    }

    /// <summary>16 hex digits, the same on every instance holding the same key.</summary>
    public string Id { get; }

    /// <summary>The AES-256-GCM key for the key ring's entries.</summary>
    public byte[] EncryptionKey { get; }

    public static MasterKey FromBytes(ReadOnlySpan<byte> material)
    {
        if (material.Length < MinimumBytes)
        {
            throw new ArgumentException($"A master key needs at least {MinimumBytes} bytes; this one has {material.Length}.", nameof(material));
        }

        var encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, material.ToArray(), 32, salt: [], info: EncryptionInfo);
        var id = HKDF.DeriveKey(HashAlgorithmName.SHA256, material.ToArray(), 8, salt: [], info: IdInfo);
        return new MasterKey(Convert.ToHexStringLower(id), encryptionKey);
    }

    /// <summary>Parses the configured text: base64 of at least 32 bytes, or null with the reason (which never repeats the text).</summary>
    public static MasterKey? TryParse(string text, string setting, out string? problem)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            problem = $"{setting} is not base64: a master key is base64 of at least {MinimumBytes} random bytes (e.g. `openssl rand -base64 32`).";
            return null;
        }

        if (bytes.Length < MinimumBytes)
        {
            problem = $"{setting} decodes to {bytes.Length} bytes: a master key is base64 of at least {MinimumBytes} random bytes (e.g. `openssl rand -base64 32`).";
            return null;
        }

        problem = null;
        return FromBytes(bytes);
    }
}
