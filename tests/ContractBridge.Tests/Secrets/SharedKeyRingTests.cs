using System.Security.Cryptography;
using System.Xml.Linq;
using ContractBridge.Secrets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContractBridge.Tests.Secrets;

/// <summary>
/// Data Protection's key ring in the database: one row per element, protected by the master key; two instances on
/// one database share it (what one protects the other reads); a master key rotation keeps what was protected readable.
/// </summary>
public sealed class SharedKeyRingTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgresql" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheRepository_StoresEachElementAsARow_AndReadsThemAllBack(string provider)
    {
        await using var databases = await KeyRingDatabases.OpenAsync(provider);
        var repository = new StoreXmlRepository(KeyRingStores.For(databases.First), TimeProvider.System);

        repository.StoreElement(new XElement("key", new XAttribute("id", "a")), "key-a");
        repository.StoreElement(new XElement("key", new XAttribute("id", "b")), "key-b");

        var read = new StoreXmlRepository(KeyRingStores.For(databases.Second), TimeProvider.System).GetAllElements();
        Assert.Equal(["a", "b"], read.Select(e => (string?)e.Attribute("id")));
        Assert.Equal(["key-a", "key-b"], (await KeyRingStores.For(databases.Second).AllAsync(CancellationToken.None)).Select(e => e.FriendlyName));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoInstances_ShareOneKeyRing_WhatOneProtectsTheOtherReads_AndTheStoredKeyIsEncrypted(string provider)
    {
        await using var databases = await KeyRingDatabases.OpenAsync(provider);
        var master = MasterKeyXmlEncryptorTests.NewKeyText();
        using var first = StandaloneVault.Open(databases.First, StandaloneVault.Keys(master));
        using var second = StandaloneVault.Open(databases.Second, StandaloneVault.Keys(master));

        var cookie = first.DataProtection.CreateProtector("dashboard cookie").Protect("admin session");
        var token = second.Protector.Protect("kommo.oauth", "the second instance's token");

        Assert.Equal("admin session", second.DataProtection.CreateProtector("dashboard cookie").Unprotect(cookie));
        Assert.Equal("the second instance's token", first.Protector.Unprotect("kommo.oauth", token));
        var entry = Assert.Single(await KeyRingStores.For(databases.First).AllAsync(CancellationToken.None));
        Assert.Contains(MasterKeyXmlEncryptor.ElementName, entry.Xml, StringComparison.Ordinal);
        Assert.DoesNotContain("requiresEncryption", entry.Xml, StringComparison.Ordinal);
        Assert.ThrowsAny<CryptographicException>(() => first.Protector.Unprotect("another purpose", token));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnInstanceWithAnotherMasterKey_CannotReadTheRing(string provider)
    {
        await using var databases = await KeyRingDatabases.OpenAsync(provider);
        using var first = StandaloneVault.Open(databases.First, StandaloneVault.Keys(MasterKeyXmlEncryptorTests.NewKeyText()));
        using var stranger = StandaloneVault.Open(databases.Second, StandaloneVault.Keys(MasterKeyXmlEncryptorTests.NewKeyText()));

        var token = first.Protector.Protect("kommo.oauth", "secret");

        Assert.ThrowsAny<CryptographicException>(() => stranger.Protector.Unprotect("kommo.oauth", token));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AfterAMasterKeyRotation_WhatWasProtectedStillReads_AndOnceReProtectedThePreviousKeyMayGo(string provider)
    {
        await using var databases = await KeyRingDatabases.OpenAsync(provider);
        var oldKey = MasterKeyXmlEncryptorTests.NewKeyText();
        var newKey = MasterKeyXmlEncryptorTests.NewKeyText();
        string token;
        using (var before = StandaloneVault.Open(databases.First, StandaloneVault.Keys(oldKey)))
        {
            token = before.Protector.Protect("kommo.oauth", "protected before the rotation");
        }

        var rotated = StandaloneVault.Keys(newKey, oldKey);
        using (var during = StandaloneVault.Open(databases.Second, rotated))
        {
            Assert.Equal("protected before the rotation", during.Protector.Unprotect("kommo.oauth", token));
        }

        var store = KeyRingStores.For(databases.First);
        Assert.Equal(1, await KeyRingRewrap.RunAsync(store, rotated, NullLogger.Instance, CancellationToken.None));
        Assert.Equal(0, await KeyRingRewrap.RunAsync(KeyRingStores.For(databases.Second), rotated, NullLogger.Instance, CancellationToken.None));
        using var after = StandaloneVault.Open(databases.Second, StandaloneVault.Keys(newKey));
        Assert.Equal("protected before the rotation", after.Protector.Unprotect("kommo.oauth", token));
        Assert.Contains(rotated.Current.Id, Assert.Single(await store.AllAsync(CancellationToken.None)).Xml, StringComparison.Ordinal);
    }
}
