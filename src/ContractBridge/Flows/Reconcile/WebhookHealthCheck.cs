using System.Text.Json;
using ContractBridge.Configuration;
using ContractBridge.Engine.Storage;
using ContractBridge.Ironclad;
using ContractBridge.Kommo;
using ContractBridge.Observability;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Reconcile;

/// <summary>
/// Watches the bridge's two webhook registrations and heals them. Kommo disables a destination after more than 100
/// invalid answers in 2 hours and Ironclad deletes one answered 410, and nothing tells the bridge: the contract
/// reconciler runs this at the start of each pass (start-up, then every <c>Reconciler:Interval</c>, under its lease).
/// The Kommo registration must exist for the bridge's URL with every setting in <see cref="WebhookRegistrar.KommoSettings"/>
/// and not be disabled; the Ironclad one must exist, enabled, with every event in <see cref="WebhookRegistrar.IroncladEvents"/>.
/// With <see cref="BridgeOptions.PublicUrl"/> set, a broken one is registered again through the registrar (as
/// <c>webhooks register</c> does, so a healthy one is never touched), logged and counted; without it, the registration
/// found by its path is only reported. What was found is kept in the shared store for the dashboard.
/// </summary>
public sealed partial class WebhookHealthCheck(
    KommoClient kommo,
    IroncladClient ironclad,
    WebhookRegistrar registrar,
    IKeyValueStore store,
    BridgeMetrics metrics,
    IOptions<BridgeOptions> options,
    TimeProvider time,
    ILogger<WebhookHealthCheck> logger)
{
    public const string StatusKey = "webhooks.health";

    private int _warnedNoPublicUrl;

    /// <summary>The last check's findings (empty before the first), as any instance stored them.</summary>
    public async Task<IReadOnlyList<WebhookRegistrationStatus>> LastAsync(CancellationToken cancellationToken) =>
        await store.GetAsync(StatusKey, cancellationToken) is { } json
            ? JsonSerializer.Deserialize<List<WebhookRegistrationStatus>>(json) ?? []
            : [];

    /// <summary>Checks both registrations, repairs what it may, stores and returns what it found.</summary>
    public async Task<IReadOnlyList<WebhookRegistrationStatus>> RunAsync(CancellationToken cancellationToken)
    {
        var publicUrl = options.Value.PublicUrl;
        if (publicUrl is null && Interlocked.Exchange(ref _warnedNoPublicUrl, 1) == 0)
        {
            Log.NoPublicUrl(logger);
        }

        var previous = (await LastAsync(cancellationToken)).ToDictionary(s => s.Service, StringComparer.Ordinal);
        var found = new List<WebhookRegistrationStatus>
        {
            await CheckAsync("Kommo", publicUrl, InspectKommoAsync, url => registrar.RegisterKommoAsync(url, cancellationToken), cancellationToken),
            await CheckAsync("Ironclad", publicUrl, InspectIroncladAsync, url => registrar.RegisterIroncladAsync(url, cancellationToken), cancellationToken),
        };

        // A repair stays on the line until a later one replaces it: "registered; was disabled, repaired 12:03 UTC".
        var statuses = found.Select(s => s.RepairedAt is null && previous.GetValueOrDefault(s.Service) is { RepairedAt: { } at } last
            ? s with { RepairedAt = at, RepairedFrom = last.RepairedFrom }
            : s).ToList();
        await store.SetAsync(StatusKey, JsonSerializer.Serialize(statuses), time.GetUtcNow(), cancellationToken);
        return statuses;
    }

    private async Task<WebhookRegistrationStatus> CheckAsync(
        string service,
        Uri? publicUrl,
        Func<Uri?, CancellationToken, Task<WebhookRegistrationStatus>> inspect,
        Func<Uri, Task<RegistrationResult>> register,
        CancellationToken cancellationToken)
    {
        WebhookRegistrationStatus status;
        try
        {
            status = await inspect(publicUrl, cancellationToken);
            if (status.Healthy)
            {
                return status;
            }

            if (publicUrl is null)
            {
                return status with { Detail = Join(status.Detail, "not repaired: PublicUrl is not set") };
            }

            await register(publicUrl);
        }
        catch (UpstreamException ex)
        {
            Log.CheckFailed(logger, service, ex.Message);
            return new WebhookRegistrationStatus(service, WebhookRegistrationStatus.Unchecked, 0, ex.Message, time.GetUtcNow());
        }

        metrics.WebhookRegistrationsRepaired.Add(1, new KeyValuePair<string, object?>("service", service.ToLowerInvariant()));
        Log.Repaired(logger, service, status.State, status.Detail ?? string.Empty);
        var events = service == "Kommo" ? WebhookRegistrar.KommoSettings.Count : WebhookRegistrar.IroncladEvents.Count;
        var now = time.GetUtcNow();
        return new WebhookRegistrationStatus(service, WebhookRegistrationStatus.Registered, events, null, now, now, status.State);
    }

    private async Task<WebhookRegistrationStatus> InspectKommoAsync(Uri? publicUrl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = await kommo.GetWebhooksAsync(cancellationToken);
        var path = registrar.KommoUrl(new Uri("http://any.invalid/")).AbsolutePath;
        var registration = publicUrl is null
            ? all.FirstOrDefault(w => PathIs(w.Destination, path))
            : all.FirstOrDefault(w => WebhookRegistrar.SameUrl(w.Destination, registrar.KommoUrl(publicUrl)));
        if (registration is null)
        {
            return new WebhookRegistrationStatus("Kommo", WebhookRegistrationStatus.Missing, 0, null, now);
        }

        var missing = WebhookRegistrar.KommoSettings.Where(s => !registration.Settings.Contains(s)).ToList();
        return registration.Disabled == true
            ? new WebhookRegistrationStatus("Kommo", WebhookRegistrationStatus.Disabled, registration.Settings.Count, null, now)
            : missing.Count > 0
                ? new WebhookRegistrationStatus("Kommo", WebhookRegistrationStatus.Incomplete, registration.Settings.Count, "without " + string.Join(", ", missing), now)
                : new WebhookRegistrationStatus("Kommo", WebhookRegistrationStatus.Registered, registration.Settings.Count, null, now);
    }

    private async Task<WebhookRegistrationStatus> InspectIroncladAsync(Uri? publicUrl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = await ironclad.ListWebhooksAsync(cancellationToken);
        var path = WebhookRegistrar.IroncladUrl(new Uri("http://any.invalid/")).AbsolutePath;
        var registration = all.FirstOrDefault(w => w.TargetUrl is not null
            && (publicUrl is null ? PathIs(w.TargetUrl, path) : WebhookRegistrar.SameUrl(w.TargetUrl, WebhookRegistrar.IroncladUrl(publicUrl))));
        if (registration is null)
        {
            return new WebhookRegistrationStatus("Ironclad", WebhookRegistrationStatus.Missing, 0, null, now);
        }

        var events = registration.Events ?? [];
        var missing = events.Contains("*") ? [] : WebhookRegistrar.IroncladEvents.Where(e => !events.Contains(e)).ToList();
        return registration.Status != "enabled"
            ? new WebhookRegistrationStatus("Ironclad", WebhookRegistrationStatus.Disabled, events.Count, registration.Status, now)
            : missing.Count > 0
                ? new WebhookRegistrationStatus("Ironclad", WebhookRegistrationStatus.Incomplete, events.Count, "without " + string.Join(", ", missing), now)
                : new WebhookRegistrationStatus("Ironclad", WebhookRegistrationStatus.Registered, events.Count, null, now);
    }

    /// <summary>Without PublicUrl the bridge's registration is the one whose path is the bridge's (any host).</summary>
    private static bool PathIs(string registered, string path) =>
        Uri.TryCreate(registered, UriKind.Absolute, out var uri) && string.Equals(uri.AbsolutePath, path, StringComparison.Ordinal);

    private static string Join(string? detail, string more) => detail is null ? more : $"{detail}; {more}";

    private static partial class Log
    {
        [LoggerMessage(EventId = 5801, Level = LogLevel.Warning, Message = "{Service} webhook was {State} {Detail}; registered it again")]
        public static partial void Repaired(ILogger logger, string service, string state, string detail);

        [LoggerMessage(EventId = 5802, Level = LogLevel.Warning, Message = "PublicUrl is not set: webhook registrations are checked and reported, never repaired (set CONTRACTBRIDGE_PUBLIC_URL)")]
        public static partial void NoPublicUrl(ILogger logger);

        [LoggerMessage(EventId = 5803, Level = LogLevel.Warning, Message = "{Service} webhook not checked: {Reason}; checked again at the next pass")]
        public static partial void CheckFailed(ILogger logger, string service, string reason);
    }
}
