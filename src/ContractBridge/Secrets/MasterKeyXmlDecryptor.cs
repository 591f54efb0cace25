using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace ContractBridge.Secrets;

/// <summary>
/// Reads what <see cref="MasterKeyXmlEncryptor"/> wrote, with whichever held master key has the element's id. Data
/// Protection creates decryptors itself from the type named in the stored XML, through the service provider (the
/// constructor taking one), so the ring comes from there.
/// </summary>
public sealed class MasterKeyXmlDecryptor : IXmlDecryptor
{
    private readonly MasterKeyRing _keys;

    public MasterKeyXmlDecryptor(IServiceProvider services) => _keys = services.GetRequiredService<MasterKeyRing>();

    public MasterKeyXmlDecryptor(MasterKeyRing keys) => _keys = keys;

    public XElement Decrypt(XElement encryptedElement)
    {
        var id = (string?)encryptedElement.Attribute("masterKeyId")
            ?? throw new CryptographicException("The key ring entry names no master key id.");
        var key = _keys.Find(id) ?? throw new CryptographicException(
            $"A key ring entry is protected by master key {id}, which this instance does not hold (it holds {string.Join(", ", _keys.All.Select(k => k.Id))}). " +
            $"Set the key it was protected with as {MasterKeySource.EnvironmentVariable} or in {MasterKeySource.PreviousEnvironmentVariable} (README, Security: rotating the master key).");
        var nonce = Bytes(encryptedElement, "nonce");
        var tag = Bytes(encryptedElement, "tag");
        var ciphertext = Bytes(encryptedElement, "value");
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key.EncryptionKey, MasterKeyXmlEncryptor.TagBytes);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, MasterKeyXmlEncryptor.AssociatedData(id));
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new CryptographicException($"A key ring entry protected by master key {id} does not authenticate: it was altered.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] Bytes(XElement element, string name) =>
        Convert.FromBase64String((string?)element.Element(name) ?? throw new CryptographicException($"The key ring entry has no {name}."));
}
