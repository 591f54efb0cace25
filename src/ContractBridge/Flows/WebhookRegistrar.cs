using ContractBridge.Flows.Triggers;
using ContractBridge.Ironclad;
using ContractBridge.Kommo;
using ContractBridge.Setup;

namespace ContractBridge.Flows;

/// <summary>
/// Registers the bridge's webhook URLs with Kommo (status_lead, add_lead; update_lead, update_contact and update_company
/// for deal edits; delete_lead and note_lead for lost deals and @legal notes) and Ironclad (the events that move a
/// contract, its comments, approvals and turns, and a record's status change), idempotently: a registration for the same URL is reused, or updated when its events differ.
/// </summary>
public sealed class WebhookRegistrar(KommoClient kommo, IroncladClient ironclad, UpstreamConnections connections)
{
    public static readonly IReadOnlyList<string> KommoSettings = ["status_lead", "add_lead", "update_lead", "update_contact", "update_company", "delete_lead", "note_lead"];

    public static IReadOnlyList<string> IroncladEvents => IroncladTriggers.ActedOn;

    public Uri KommoUrl(Uri publicUrl) => new(publicUrl, $"/webhooks/kommo/{Uri.EscapeDataString(connections.KommoWebhookSecret ?? string.Empty)}");

    public static Uri IroncladUrl(Uri publicUrl) => new(publicUrl, "/webhooks/ironclad");

    public async Task<IReadOnlyList<RegistrationResult>> RegisterAsync(Uri publicUrl, CancellationToken cancellationToken)
    {
        return [await RegisterKommoAsync(publicUrl, cancellationToken), await RegisterIroncladAsync(publicUrl, cancellationToken)];
    }

    public async Task<RegistrationResult> RegisterKommoAsync(Uri publicUrl, CancellationToken cancellationToken)
    {
        var url = KommoUrl(publicUrl);
        var shown = new Uri(publicUrl, "/webhooks/kommo/***").ToString();
        var existing = (await kommo.GetWebhooksAsync(cancellationToken)).FirstOrDefault(w => SameUrl(w.Destination, url));
        if (existing is not null && KommoSettings.All(s => existing.Settings.Contains(s)) && existing.Disabled != true)
        {
            return new RegistrationResult("Kommo", shown, "already registered");
        }

        // Kommo's POST /webhooks replaces the settings of a destination that is already there.
        await kommo.RegisterWebhookAsync(url, KommoSettings, cancellationToken);
        return new RegistrationResult("Kommo", shown, existing is null ? "registered" : "updated");
    }

    public async Task<RegistrationResult> RegisterIroncladAsync(Uri publicUrl, CancellationToken cancellationToken)
    {
        var url = IroncladUrl(publicUrl);
        var events = IroncladEvents;
        var existing = (await ironclad.ListWebhooksAsync(cancellationToken)).FirstOrDefault(w => w.TargetUrl is not null && SameUrl(w.TargetUrl, url));
        if (existing is null)
        {
            await ironclad.CreateWebhookAsync(url, events, cancellationToken);
            return new RegistrationResult("Ironclad", url.ToString(), "registered");
        }

        var current = existing.Events ?? [];
        if (existing.Status == "enabled" && (current.Contains("*") || events.All(current.Contains)))
        {
            return new RegistrationResult("Ironclad", url.ToString(), "already registered");
        }

        await ironclad.UpdateWebhookAsync(existing.Id, events, cancellationToken);
        return new RegistrationResult("Ironclad", url.ToString(), "updated");
    }

    public static bool SameUrl(string registered, Uri wanted) =>
        Uri.TryCreate(registered, UriKind.Absolute, out var uri) && Uri.Compare(uri, wanted, UriComponents.HttpRequestUrl, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}

/// <summary>One registration: the service, the URL (secrets masked), and what was done.</summary>
public sealed record RegistrationResult(string Service, string Url, string Outcome);
