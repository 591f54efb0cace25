using System.Collections.Concurrent;
using System.Text.Json;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Configuration;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Engine.Storage.Sqlite;
using ContractBridge.Kommo;
using ContractBridge.Secrets;
using ContractBridge.Simulators.Kommo;
using ContractBridge.Tests.Upstream.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Reliability;

/// <summary>
/// Kommo OAuth2 against the simulator's /oauth2/access_token, whose refresh tokens work once (a second use revokes the
/// integration): tokens are refreshed before they expire, once for any number of callers and instances, and the new
/// pair is stored before anyone gets the new access token.
/// </summary>
public sealed class KommoOAuthTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    [Fact]
    public async Task AccessToken_IsRefreshedBeforeItExpires_AndNotBefore()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var kommo = await StartKommoAsync(clock);
        await using var store = await SqliteStoreAsync();
        using var vault = StandaloneVault.Open(store, Keys);
        using var http = new HttpClient();
        using var tokens = Tokens(kommo, store, vault, http, clock, "instance-a");

        var first = await tokens.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(49));
        var stillFirst = await tokens.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));
        var second = await tokens.GetAsync(CancellationToken.None);

        Assert.Equal(first, stillFirst);
        Assert.NotEqual(first, second);
        Assert.Equal(2, kommo.Control.OAuth.Refreshes);
        Assert.Equal(0, kommo.Control.OAuth.RejectedRefreshes);
    }

    [Fact]
    public async Task TwentyConcurrentCallers_NeedingARefresh_CauseExactlyOneRefresh_StoredBeforeAnyoneGetsTheToken()
    {
        await using var kommo = await StartKommoAsync(TimeProvider.System);
        var events = new ConcurrentQueue<string>();
        await using var inner = await SqliteStoreAsync();
        using var innerVault = StandaloneVault.Open(inner, Keys);
        var store = new RecordingStore(inner, events, innerVault.Protector);
        using var vault = StandaloneVault.Open(inner, Keys, values: store);
        using var http = new HttpClient();
        using var tokens = Tokens(kommo, store, vault, http, TimeProvider.System, "instance-a");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var callers = Enumerable.Range(0, 20).Select(async _ =>
        {
            await start.Task;
            var token = await tokens.GetAsync(CancellationToken.None);
            events.Enqueue("got " + token);
            return token;
        }).ToList();
        start.SetResult();
        var received = await Task.WhenAll(callers);

        Assert.Equal(1, kommo.Control.OAuth.Refreshes);
        var token = Assert.Single(received.Distinct());
        var order = events.ToList();
        Assert.True(order.IndexOf("stored " + token) is >= 0 and var stored && stored < order.IndexOf("got " + token), string.Join("\n", order));
        Assert.Equal(token, StoredAccessToken(innerVault.Protector, await inner.GetAsync(KommoOAuthTokens.StateKey, CancellationToken.None)));
    }

    [Fact]
    public async Task TwoInstancesOnPostgres_TwentyConcurrentCallers_CauseExactlyOneRefresh()
    {
        await using var database = await PostgresDatabase.CreateAsync(PostgresDatabase.ResolveServer(null), CancellationToken.None);
        await using var kommo = await StartKommoAsync(TimeProvider.System);
        await using var storeA = new PostgresBridgeStore(database.ConnectionString, [KeyRingSchema.Module]);
        await using var storeB = new PostgresBridgeStore(database.ConnectionString, [KeyRingSchema.Module]);
        await storeA.MigrateAsync(CancellationToken.None);
        using var vaultA = StandaloneVault.Open(storeA, Keys);
        using var vaultB = StandaloneVault.Open(storeB, Keys);
        using var http = new HttpClient();
        using var instanceA = Tokens(kommo, storeA, vaultA.Vault, http, TimeProvider.System, "instance-a");
        using var instanceB = Tokens(kommo, storeB, vaultB.Vault, http, TimeProvider.System, "instance-b");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var callers = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.Task;
            return await (i % 2 == 0 ? instanceA : instanceB).GetAsync(CancellationToken.None);
        }).ToList();
        start.SetResult();
        var received = await Task.WhenAll(callers);

        Assert.Equal(1, kommo.Control.OAuth.Refreshes);
        Assert.Equal(0, kommo.Control.OAuth.RevokedRefreshReuses);
        Assert.Single(received.Distinct());
    }

    /// <summary>
    /// Kommo refuses an access token the bridge still believes fresh (revoked, or Kommo's clock ahead): the call renews it
    /// once, with one refresh, and succeeds.
    /// </summary>
    [Fact]
    public async Task AccessTokenRefusedBeforeItsExpiry_IsRenewedOnce_AndTheCallSucceeds()
    {
        var start = DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var kommoClock = new FakeTimeProvider(start);
        await using var kommo = await StartKommoAsync(kommoClock);
        await using var store = await SqliteStoreAsync();
        using var vault = StandaloneVault.Open(store, Keys);
        using var tokenHttp = new HttpClient();
        using var tokens = Tokens(kommo, store, vault, tokenHttp, new FakeTimeProvider(start), "instance-a");
        using var http = UpstreamClients.KommoHttp(new SocketsHttpHandler(), new Uri(kommo.BaseUrl, "/api/v4/"), tokens);
        var client = new KommoClient(http);
        await client.GetAccountAsync(withDriveUrl: false, CancellationToken.None);

        kommoClock.Advance(Lifetime + TimeSpan.FromMinutes(1));
        var account = await client.GetAccountAsync(withDriveUrl: false, CancellationToken.None);

        Assert.True(account.Id > 0);
        Assert.Equal(2, kommo.Control.OAuth.Refreshes);
        Assert.Equal(0, kommo.Control.OAuth.RejectedRefreshes);
    }

    private static async Task<KommoSimulator> StartKommoAsync(TimeProvider clock)
    {
        var kommo = new KommoSimulator(new KommoSimulatorOptions { AccessTokenLifetime = Lifetime }, clock);
        await kommo.StartAsync();
        return kommo;
    }

    /// <summary>The master key every "instance" of these tests holds.</summary>
    private static readonly MasterKeyRing Keys = StandaloneVault.Keys(Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7)).ToArray()));

    private static KommoOAuthTokens Tokens(KommoSimulator kommo, IKeyValueStore store, StandaloneVault vault, HttpClient http, TimeProvider clock, string instance) =>
        Tokens(kommo, store, vault.Vault, http, clock, instance);

    private static KommoOAuthTokens Tokens(KommoSimulator kommo, IKeyValueStore store, CredentialVault vault, HttpClient http, TimeProvider clock, string instance) => new(
        store,
        vault,
        http,
        new Uri(kommo.BaseUrl, "/oauth2/access_token"),
        new KommoOAuthOptions
        {
            ClientId = kommo.Options.ClientId,
            ClientSecret = kommo.Options.ClientSecret,
            RedirectUri = kommo.Options.RedirectUri,
            RefreshToken = kommo.Options.InitialRefreshToken,
            RefreshBefore = TimeSpan.FromMinutes(10),
        },
        clock,
        instance,
        NullLogger<KommoOAuthTokens>.Instance);

    private static async Task<SqliteBridgeStore> SqliteStoreAsync()
    {
        var directory = Directory.CreateTempSubdirectory("cb-oauth-");
        var store = new SqliteBridgeStore(Path.Combine(directory.FullName, BridgeStoreFactory.SqliteFileName), SqliteSynchronous.Full, [KeyRingSchema.Module]);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    private static string? StoredAccessToken(ISecretProtector protector, string? stored) =>
        stored is null ? null : JsonDocument.Parse(protector.Unprotect(KommoOAuthTokens.StateKey, stored)).RootElement.GetProperty("AccessToken").GetString();

    /// <summary>Notes each stored token pair once its write has completed.</summary>
    private sealed class RecordingStore(IKeyValueStore inner, ConcurrentQueue<string> events, ISecretProtector protector) : IKeyValueStore
    {
        public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public async Task SetAsync(string key, string value, DateTimeOffset now, CancellationToken cancellationToken)
        {
            await inner.SetAsync(key, value, now, cancellationToken);
            events.Enqueue("stored " + StoredAccessToken(protector, value));
        }

        public async Task<bool> CompareAndSetAsync(string key, string? expected, string value, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var set = await inner.CompareAndSetAsync(key, expected, value, now, cancellationToken);
            if (set)
            {
                events.Enqueue("stored " + StoredAccessToken(protector, value));
            }

            return set;
        }

        public Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.TryAcquireLeaseAsync(name, owner, until, now, cancellationToken);

        public Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken) => inner.ReleaseLeaseAsync(name, owner, cancellationToken);
    }
}
