using System.Security.Cryptography;
using System.Xml.Linq;
using ContractBridge.Secrets;

namespace ContractBridge.Tests.Secrets;

/// <summary>The key ring's encryptor: AES-256-GCM under a key derived from the master key, found again by its id.</summary>
public sealed class MasterKeyXmlEncryptorTests
{
    private static readonly XElement Secret = XElement.Parse("<key id=\"k1\"><masterKey>c2VjcmV0LWtleS1tYXRlcmlhbA==</masterKey></key>");

    [Fact]
    public void Encrypt_ThenDecrypt_GivesTheElementBack_AndTheStoredFormHidesIt()
    {
        var ring = Ring();

        var encrypted = new MasterKeyXmlEncryptor(ring).Encrypt(Secret);

        Assert.Equal(typeof(MasterKeyXmlDecryptor), encrypted.DecryptorType);
        Assert.Equal(ring.Current.Id, (string?)encrypted.EncryptedElement.Attribute("masterKeyId"));
        Assert.DoesNotContain("c2VjcmV0", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.True(XNode.DeepEquals(Secret, new MasterKeyXmlDecryptor(ring).Decrypt(encrypted.EncryptedElement)));
    }

    [Fact]
    public void AnotherMasterKey_RefusesToDecrypt_SayingWhichKeyIsNeeded()
    {
        var mine = Ring();
        var theirs = Ring();
        var encrypted = new MasterKeyXmlEncryptor(mine).Encrypt(Secret).EncryptedElement;

        var refused = Assert.ThrowsAny<CryptographicException>(() => new MasterKeyXmlDecryptor(theirs).Decrypt(encrypted));

        Assert.Contains(mine.Current.Id, refused.Message, StringComparison.Ordinal);
        Assert.Contains("CONTRACTBRIDGE_MASTER_KEY_PREVIOUS", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAlteredEntry_OrAnotherKeysId_DoesNotAuthenticate()
    {
        var ring = Ring();
        var encrypted = new MasterKeyXmlEncryptor(ring).Encrypt(Secret).EncryptedElement;
        var value = Convert.FromBase64String(encrypted.Element("value")!.Value);
        value[0] ^= 1;
        var altered = new XElement(encrypted);
        altered.Element("value")!.Value = Convert.ToBase64String(value);

        Assert.ThrowsAny<CryptographicException>(() => new MasterKeyXmlDecryptor(ring).Decrypt(altered));
    }

    [Fact]
    public void AfterARotation_EntriesOfThePreviousKeyStillDecrypt_AndNewOnesUseTheNewKey()
    {
        var oldKey = NewKeyText();
        var newKey = NewKeyText();
        var before = StandaloneVault.Keys(oldKey);
        var after = StandaloneVault.Keys(newKey, oldKey);
        var underOld = new MasterKeyXmlEncryptor(before).Encrypt(Secret).EncryptedElement;

        var underNew = new MasterKeyXmlEncryptor(after).Encrypt(Secret).EncryptedElement;

        Assert.True(XNode.DeepEquals(Secret, new MasterKeyXmlDecryptor(after).Decrypt(underOld)));
        Assert.Equal(after.Current.Id, (string?)underNew.Attribute("masterKeyId"));
        Assert.NotEqual(before.Current.Id, after.Current.Id);
        Assert.ThrowsAny<CryptographicException>(() => new MasterKeyXmlDecryptor(before).Decrypt(underNew));
    }

    [Fact]
    public void TheSameMasterKey_GivesTheSameIdEverywhere_AndTheIdIsNotTheKey()
    {
        var text = NewKeyText();

        var one = StandaloneVault.Keys(text).Current;
        var two = StandaloneVault.Keys(text).Current;

        Assert.Equal(one.Id, two.Id);
        Assert.Equal(16, one.Id.Length);
        Assert.DoesNotContain(one.Id, Convert.ToHexStringLower(Convert.FromBase64String(text)), StringComparison.Ordinal);
    }

    internal static string NewKeyText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static MasterKeyRing Ring() => StandaloneVault.Keys(NewKeyText());
}
