using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace ContractBridge.Secrets;

/// <summary>The master key's encryptor, made on first use, for the reason <see cref="DeferredXmlRepository"/> gives.</summary>
public sealed class DeferredXmlEncryptor(Func<IXmlEncryptor> create) : IXmlEncryptor
{
    private readonly Lazy<IXmlEncryptor> encryptor = new(create);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => encryptor.Value.Encrypt(plaintextElement);
}
