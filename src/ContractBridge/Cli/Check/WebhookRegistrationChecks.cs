using ContractBridge.Configuration;
using ContractBridge.Flows;
using ContractBridge.Ironclad;
using ContractBridge.Kommo;
using ContractBridge.Upstream;

namespace ContractBridge.Cli.Check;

/// <summary>
/// Whether Kommo and Ironclad will call this service: a registration for <see cref="BridgeOptions.PublicUrl"/>, enabled,
/// with the events the bridge needs. The Kommo URL holds the webhook secret, so it is shown masked.
/// </summary>
public sealed class WebhookRegistrationChecks(KommoClient kommo, IroncladClient ironclad, WebhookRegistrar registrar, BridgeOptions options)
{
    private const string Fix = "run `contractbridge webhooks register`";

    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken cancellationToken)
    {
        if (options.PublicUrl is not { } publicUrl)
        {
            const string Why = "PublicUrl is not set (CONTRACTBRIDGE_PUBLIC_URL), so there is no address to look for";
            return [CheckResult.Skip("Kommo", "webhook", Why), CheckResult.Skip("Ironclad", "webhook", Why)];
        }

        return [await CheckKommoAsync(publicUrl, cancellationToken), await CheckIroncladAsync(publicUrl, cancellationToken)];
    }

    private async Task<CheckResult> CheckKommoAsync(Uri publicUrl, CancellationToken cancellationToken)
    {
        var shown = new Uri(publicUrl, "/webhooks/kommo/***").ToString();
        var check = $"webhook {shown}";
        try
        {
            var wanted = registrar.KommoUrl(publicUrl);
            var registration = (await kommo.GetWebhooksAsync(cancellationToken)).FirstOrDefault(w => SameUrl(w.Destination, wanted));
            if (registration is null)
            {
                return CheckResult.Fail("Kommo", check, $"not registered; {Fix}");
            }

            var missing = WebhookRegistrar.KommoSettings.Where(s => !registration.Settings.Contains(s)).ToList();
            return registration.Disabled == true
                ? CheckResult.Fail("Kommo", check, $"registered but disabled by Kommo (too many failed deliveries); {Fix}")
                : missing.Count > 0
                    ? CheckResult.Fail("Kommo", check, $"registered without {string.Join(", ", missing)}; {Fix}")
                    : CheckResult.Pass("Kommo", check, $"registered for {string.Join(", ", registration.Settings)}");
        }
        catch (UpstreamException ex)
        {
            return CheckResult.Fail("Kommo", check, ex.Message);
        }
    }

    private async Task<CheckResult> CheckIroncladAsync(Uri publicUrl, CancellationToken cancellationToken)
    {
        var wanted = WebhookRegistrar.IroncladUrl(publicUrl);
        var check = $"webhook {wanted}";
        try
        {
            var registration = (await ironclad.ListWebhooksAsync(cancellationToken)).FirstOrDefault(w => w.TargetUrl is not null && SameUrl(w.TargetUrl, wanted));
            if (registration is null)
            {
                return CheckResult.Fail("Ironclad", check, $"not registered; {Fix}");
            }

            var events = registration.Events ?? [];
            var missing = events.Contains("*") ? [] : WebhookRegistrar.IroncladEvents.Where(e => !events.Contains(e)).ToList();
            return registration.Status != "enabled"
                ? CheckResult.Fail("Ironclad", check, $"registered but {registration.Status}; {Fix}")
                : missing.Count > 0
                    ? CheckResult.Fail("Ironclad", check, $"registered without {string.Join(", ", missing)}; {Fix}")
                    : CheckResult.Pass("Ironclad", check, $"registered for {events.Count} event(s)");
        }
        catch (UpstreamException ex)
        {
            return CheckResult.Fail("Ironclad", check, ex.Message);
        }
    }

    private static bool SameUrl(string registered, Uri wanted) =>
        Uri.TryCreate(registered, UriKind.Absolute, out var uri)
        && Uri.Compare(uri, wanted, UriComponents.HttpRequestUrl, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
