using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace ContractBridge.Secrets;

/// <summary>
/// Protects each Data Protection key before it is stored: AES-256-GCM under the current master key (derived by HKDF,
/// see <see cref="MasterKey"/>), with a fresh 96-bit nonce, the master key's id in the element so the decryptor finds the
/// right key after a rotation, and that id bound in as associated data so it cannot be swapped.
/// </summary>
public sealed class MasterKeyXmlEncryptor(MasterKeyRing keys) : IXmlEncryptor
{
    public const string ElementName = "masterKeyEncrypted";
    public const int NonceBytes = 12;
    public const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var key = keys.Current;
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagBytes];
        using (var aes = new AesGcm(key.EncryptionKey, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData(key.Id));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(
            ElementName,
            new XAttribute("masterKeyId", key.Id),
            new XAttribute("algorithm", "AES-256-GCM"),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }

    internal static byte[] AssociatedData(string keyId) => Encoding.ASCII.GetBytes("ContractBridge.DataProtection.KeyRing:" + keyId);
}
