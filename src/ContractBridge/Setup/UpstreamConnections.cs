using System.Security.Cryptography;
using System.Text.Json;
using ContractBridge.Configuration;
using ContractBridge.Hosting;
using ContractBridge.Ironclad;
using ContractBridge.Kommo;
using ContractBridge.Secrets;
using ContractBridge.Upstream;

namespace ContractBridge.Setup;

/// <summary>
/// The connections to Kommo and Ironclad in force on this instance, and the credentials built from them. A connection
/// in configuration wins (and is read-only at /setup); otherwise the one an admin made at /setup, stored encrypted in
/// the shared store (<see cref="CredentialVault"/>), is read as the service starts, after a save here at once, and on
/// every instance every <see cref="StoredRulesOptions.RefreshInterval"/> (three key reads), so a connection takes effect
/// everywhere without a restart. With neither, the service runs "not connected": upstream calls fail as transient
/// (<see cref="NotConnected"/>) and jobs wait, retrying, until an admin connects.
/// </summary>
public sealed partial class UpstreamConnections(
    IOptions<BridgeOptions> options,
    CredentialVault vault,
    IHttpClientFactory httpClients,
    IServiceProvider services,
    TimeProvider time,
    ILogger<UpstreamConnections> logger) : StoreSnapshotRefresher(time), IKommoAccountAddress
{
    public const string KommoKey = "setup.kommo";
    public const string IroncladKey = "setup.ironclad";
    public const string KommoWebhookSecretKey = "setup.kommo.webhook-secret";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;

    public KommoConnection? Kommo => Current.Kommo;

    /// <summary>
    /// What is in force. Until the first read of the store, the configured connections: a configured service needs no
    /// database to start calling out, and whatever starts before this service does (job workers) finds them.
    /// </summary>
    private Snapshot Current
    {
        get
        {
            if (Volatile.Read(ref _current) is { } current)
            {
                return current;
            }

            var configured = options.Value;
            var kommo = KommoConnection.FromOptions(configured.Kommo);
            var ironclad = IroncladConnection.FromOptions(configured.Ironclad);
            var initial = new Snapshot(kommo, kommo is null ? null : TokensFor(kommo), ironclad, ironclad is null ? null : AuthFor(ironclad), NullIfEmpty(configured.Kommo.WebhookSecret));
            return Interlocked.CompareExchange(ref _current, initial, null) ?? initial;
        }
    }

    public IroncladConnection? Ironclad => Current.Ironclad;

    /// <summary>Kommo's API root with a trailing slash, or null while not connected.</summary>
    public Uri? KommoApiRoot => Kommo is { } kommo ? WithTrailingSlash(kommo.BaseUrl) : null;

    public Uri? IroncladApiRoot => Ironclad is { } ironclad ? WithTrailingSlash(ironclad.BaseUrl) : null;

    /// <summary>The secret in Kommo's webhook URL: configured, or generated when the bridge went live from /setup.</summary>
    public string? KommoWebhookSecret => Current.KommoWebhookSecret;

    /// <summary>Every secret in force, for <see cref="Web.Dashboard.SecretRedactor"/>.</summary>
    public IEnumerable<string?> Secrets
    {
        get
        {
            var current = Current;
            return
            [
                current.Kommo?.AccessToken, current.Kommo?.OAuth?.ClientSecret, current.Kommo?.OAuth?.RefreshToken,
                current.Ironclad?.ApiKey, current.Ironclad?.OAuth?.ClientSecret, current.KommoWebhookSecret,
            ];
        }
    }

    /// <summary>The services with no connection in force, for the overview.</summary>
    public IReadOnlyCollection<UpstreamService> NotConnectedServices =>
        [.. new[] { (UpstreamService.Kommo, Kommo is null), (UpstreamService.Ironclad, Ironclad is null) }.Where(s => s.Item2).Select(s => s.Item1)];

    public IKommoAccessTokens KommoTokens => Current.KommoTokens ?? throw NotConnected(UpstreamService.Kommo);

    public IIroncladAuth IroncladAuth => Current.IroncladAuth ?? throw NotConnected(UpstreamService.Ironclad);

    Uri? IKommoAccountAddress.ApiRoot => KommoApiRoot;

    /// <summary>The failure of a call made while its service is not connected: transient, so the job waits and retries.</summary>
    public static UpstreamException NotConnected(UpstreamService service) =>
        new(service, $"{service} is not connected: an admin connects it at /setup", null, isTransient: true);

    /// <summary>Reads the stored connections again and rebuilds the credentials of any that changed.</summary>
    public override async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var configured = options.Value;
            var before = Current;
            var kommo = KommoConnection.FromOptions(configured.Kommo)
                ?? await ReadAsync<KommoConnection>(KommoKey, cancellationToken);
            var ironclad = IroncladConnection.FromOptions(configured.Ironclad)
                ?? await ReadAsync<IroncladConnection>(IroncladKey, cancellationToken);
            var secret = NullIfEmpty(configured.Kommo.WebhookSecret)
                ?? (await vault.ReadAsync(KommoWebhookSecretKey, null, cancellationToken))?.Value;

            var next = new Snapshot(
                kommo,
                Same(before.Kommo, kommo) ? before.KommoTokens : kommo is null ? null : TokensFor(kommo),
                ironclad,
                Same(before.Ironclad, ironclad) ? before.IroncladAuth : ironclad is null ? null : AuthFor(ironclad),
                secret);
            Volatile.Write(ref _current, next);
            if (!Same(before.Kommo, kommo) && kommo is not null)
            {
                Log.Connected(logger, "Kommo", kommo.AccountUrl, kommo.Method);
            }

            if (!Same(before.Ironclad, ironclad) && ironclad is not null)
            {
                Log.Connected(logger, "Ironclad", ironclad.WebUrl, ironclad.Method);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stores a connection made at /setup (refused while configuration sets one) and puts it in force here.</summary>
    public async Task SaveKommoAsync(KommoConnection connection, CancellationToken cancellationToken)
    {
        RefuseIfConfigured(Kommo);
        await vault.SetAsync(KommoKey, JsonSerializer.Serialize(connection, Json), cancellationToken);
        await RefreshAsync(cancellationToken);
    }

    public async Task SaveIroncladAsync(IroncladConnection connection, CancellationToken cancellationToken)
    {
        RefuseIfConfigured(Ironclad);
        await vault.SetAsync(IroncladKey, JsonSerializer.Serialize(connection, Json), cancellationToken);
        await RefreshAsync(cancellationToken);
    }

    /// <summary>
    /// The Kommo webhook secret, generated and stored the first time it is needed (going live from /setup without one
    /// configured). Compare-and-set: two instances going live at once end up with one secret.
    /// </summary>
    public async Task<string> EnsureKommoWebhookSecretAsync(CancellationToken cancellationToken)
    {
        if (KommoWebhookSecret is { } known)
        {
            return known;
        }

        var generated = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await vault.CompareAndSetAsync(KommoWebhookSecretKey, null, generated, cancellationToken);
        await RefreshAsync(cancellationToken);
        return KommoWebhookSecret ?? throw new InvalidOperationException("The Kommo webhook secret was stored but cannot be read back.");
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override TimeSpan RefreshInterval => options.Value.StoredRules.RefreshInterval;

    protected override void OnRefreshFailed(string reason) => Log.RefreshFailed(logger, reason);

    private static void RefuseIfConfigured(object? current)
    {
        if (current is KommoConnection { FromConfiguration: true } or IroncladConnection { FromConfiguration: true })
        {
            throw new InvalidOperationException("This connection comes from configuration (appsettings or environment variables): change it there.");
        }
    }

    private async Task<T?> ReadAsync<T>(string key, CancellationToken cancellationToken)
        where T : class =>
        await vault.ReadAsync(key, null, cancellationToken) is { } stored ? JsonSerializer.Deserialize<T>(stored.Value, Json) : null;

    /// <summary>Equal when both are absent, or serialize alike (the OAuth options are classes, compared by value here).</summary>
    private static bool Same<T>(T? a, T? b)
        where T : class =>
        (a is null && b is null) || (a is not null && b is not null && JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json));

    // Credentials a change replaced are not disposed: a call in flight may still hold them, and their only resource is
    // a SemaphoreSlim without a wait handle, which the collector reclaims.
    private IKommoAccessTokens TokensFor(KommoConnection kommo) =>
        kommo.OAuth is not { } oauth
            ? new StaticKommoAccessTokens(kommo.AccessToken!)
            : ActivatorUtilities.CreateInstance<KommoOAuthTokens>(
                services,
                httpClients.CreateClient("kommo-oauth"),
                new Uri(kommo.AccountUrl, "/oauth2/access_token"),
                oauth,
                services.GetRequiredService<Flows.Reconcile.ReconcilerIdentity>().InstanceId);

    private IIroncladAuth AuthFor(IroncladConnection ironclad) =>
        ironclad.OAuth is not { } oauth
            ? new LegacyTokenAuth(ironclad.ApiKey!)
            : new ClientCredentialsAuth(httpClients.CreateClient("ironclad-oauth"), new Uri(ironclad.WebUrl, "/oauth/token"), oauth, ironclad.CreatorEmail, Time);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Uri WithTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private sealed record Snapshot(KommoConnection? Kommo, IKommoAccessTokens? KommoTokens, IroncladConnection? Ironclad, IIroncladAuth? IroncladAuth, string? KommoWebhookSecret);

    private static partial class Log
    {
        [LoggerMessage(EventId = 9860, Level = LogLevel.Information, Message = "{Service} connection in force: {Account} by {Method}")]
        public static partial void Connected(ILogger logger, string service, Uri account, string method);

        [LoggerMessage(EventId = 9861, Level = LogLevel.Warning, Message = "Reading the stored connections failed: {Reason}")]
        public static partial void RefreshFailed(ILogger logger, string reason);
    }
}
