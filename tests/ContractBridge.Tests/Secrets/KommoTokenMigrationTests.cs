using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContractBridge.Configuration;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;
using ContractBridge.Kommo;
using ContractBridge.Secrets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Secrets;

/// <summary>
/// The Kommo OAuth pair is stored encrypted; a pair an older release stored as plain JSON is used as it is and stored
/// again encrypted, and a value the key ring cannot read (nor is JSON) stops with what to do.
/// </summary>
public sealed class KommoTokenMigrationTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-02T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly string _directory = Directory.CreateTempSubdirectory("cb-kommo-vault-").FullName;
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly KommoOAuthOptions _oauth = new()
    {
        ClientId = "client",
        ClientSecret = "client-secret",
        RedirectUri = "https://bridge.example/oauth",
        RefreshToken = "first-refresh-token",
        RefreshBefore = TimeSpan.FromMinutes(10),
    };

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task APlainTextPairFromAnOlderRelease_IsUsed_AndStoredAgainEncrypted()
    {
        await using var store = await OpenStoreAsync();
        var legacy = JsonSerializer.Serialize(new
        {
            AccessToken = "legacy-access-token-S3CR3T",
            RefreshToken = "legacy-refresh-token-S3CR3T",
            ExpiresAt = Now.AddHours(1),
            SeedHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_oauth.RefreshToken))),
        });
        await store.SetAsync(KommoOAuthTokens.StateKey, legacy, Now, CancellationToken.None);
        using var vault = StandaloneVault.Open(store, StandaloneVault.Keys(MasterKeyXmlEncryptorTests.NewKeyText()), _clock);
        using var refusingHttp = new HttpClient(new RefusingHandler());
        using var tokens = new KommoOAuthTokens(store, vault.Vault, refusingHttp, new Uri("http://127.0.0.1:9/oauth2/access_token"), _oauth, _clock, "instance-a", NullLogger<KommoOAuthTokens>.Instance);

        var access = await tokens.GetAsync(CancellationToken.None);

        Assert.Equal("legacy-access-token-S3CR3T", access);
        var stored = (await store.GetAsync(KommoOAuthTokens.StateKey, CancellationToken.None))!;
        Assert.DoesNotContain("S3CR3T", stored, StringComparison.Ordinal);
        Assert.Equal(legacy, vault.Protector.Unprotect(KommoOAuthTokens.StateKey, stored));
        var again = await vault.Vault.ReadAsync(KommoOAuthTokens.StateKey, isPlainTextFromOlderRelease: _ => true, CancellationToken.None);
        Assert.Equal((legacy, stored), (again!.Value, again.Stored));
    }

    [Fact]
    public async Task AValueTheKeyRingCannotRead_AndThatIsNoOlderPlainText_StopsSayingWhatToDo()
    {
        await using var store = await OpenStoreAsync();
        using var before = StandaloneVault.Open(store, StandaloneVault.Keys(MasterKeyXmlEncryptorTests.NewKeyText()), _clock);
        await before.Vault.SetAsync("setup.token", "entered in a browser", CancellationToken.None);
        await store.SetAsync("setup.token", "garbled" + await store.GetAsync("setup.token", CancellationToken.None), Now, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => before.Vault.ReadAsync("setup.token", s => s.StartsWith('{'), CancellationToken.None));

        Assert.Contains("CONTRACTBRIDGE_MASTER_KEY", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("entered in a browser", refused.Message, StringComparison.Ordinal);
    }

    private async Task<SqliteBridgeStore> OpenStoreAsync()
    {
        var store = new SqliteBridgeStore(Path.Combine(_directory, BridgeStoreFactory.SqliteFileName), SqliteSynchronous.Full, [KeyRingSchema.Module]);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    /// <summary>Fails the test's token refresh: a migrated pair that is still fresh needs none.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No refresh was expected: the stored pair is fresh.");
    }
}
