using System.Text.Json;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Operations;
using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>
/// Webhook registration: <c>POST /api/v4/webhooks</c> (the destination is the key: posting it again replaces its
/// settings and re-enables a disabled hook, as an admin would), <c>GET</c>, and <c>DELETE</c> with <c>{"destination"}</c>.
/// </summary>
internal sealed class WebhookEndpoints(KommoApiContext api)
{
    /// <summary>The settings Kommo accepts; the simulator emits status_lead, add_lead, update_lead, delete_lead and note_lead.</summary>
    private static readonly HashSet<string> KnownSettings = new(StringComparer.Ordinal)
    {
        "add_lead", "update_lead", "delete_lead", "restore_lead", "status_lead", "responsible_lead", "note_lead",
        "add_contact", "update_contact", "delete_contact", "restore_contact", "responsible_contact", "note_contact",
        "add_company", "update_company", "delete_company", "restore_company", "responsible_company", "note_company",
        "add_task", "update_task", "delete_task", "add_talk", "update_talk", "add_message", "add_chat_template_review",
    };

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v4/webhooks", SubscribeAsync);
        routes.MapGet("/api/v4/webhooks", ListAsync);
        routes.MapDelete("/api/v4/webhooks", UnsubscribeAsync);
    }

    private async Task SubscribeAsync(HttpContext context)
    {
        using var document = await KommoHttp.ReadJsonAsync(context);
        if (document is null)
        {
            return;
        }

        var body = document.RootElement;
        if (body.ValueKind != JsonValueKind.Object)
        {
            await KommoHttp.WriteBadRequestAsync(context, "Request body must be a JSON object");
            return;
        }

        var errors = new List<ValidationError>();
        var destination = ReadDestination(body, errors);
        var settings = ReadSettings(body, errors);
        var sort = (int)(JsonRead.Integer(body, "sort", "sort", errors) ?? 1);
        if (errors.Count > 0 || destination is null)
        {
            await KommoHttp.WriteValidationProblemAsync(context, [new RequestValidationErrors("0", errors)]);
            return;
        }

        var now = api.Now();
        var written = api.Store.Write(data =>
        {
            var webhook = data.Webhooks.Values.FirstOrDefault(w => w.Destination == destination);
            if (webhook is null)
            {
                webhook = new WebhookSubscription
                {
                    Id = data.Ids.NextWebhook(),
                    Destination = destination,
                    Settings = settings,
                    CreatedBy = data.OwnerUserId,
                    CreatedAt = now,
                };
                data.Webhooks[webhook.Id] = webhook;
            }

            webhook.Settings = settings;
            webhook.Sort = sort;
            webhook.Disabled = false;
            webhook.RecentFailures.Clear();
            webhook.UpdatedAt = now;
            return WebhookJson.Write(webhook, api.AccountId);
        });
        await KommoHttp.WriteHalAsync(context, written);
    }

    private Task ListAsync(HttpContext context)
    {
        var query = ListQuery.Parse(context.Request.Query).Query;
        var destinations = query?.FilterValues("destination")?.ToHashSet(StringComparer.Ordinal);
        var items = api.Store.Read(data => data.Webhooks.Values
            .Where(w => destinations is null || destinations.Contains(w.Destination.ToString()))
            .Select(w => WebhookJson.Write(w, api.AccountId))
            .ToList());
        if (items.Count == 0)
        {
            return KommoHttp.WriteNoContent(context);
        }

        return KommoHttp.WriteHalAsync(context, HalCollection.WithTotal(api.Links.Api("webhooks"), "webhooks", items));
    }

    private async Task UnsubscribeAsync(HttpContext context)
    {
        using var document = await KommoHttp.ReadJsonAsync(context);
        if (document is null)
        {
            return;
        }

        var errors = new List<ValidationError>();
        var destination = document.RootElement.ValueKind == JsonValueKind.Object ? ReadDestination(document.RootElement, errors) : null;
        if (destination is null)
        {
            await KommoHttp.WriteValidationProblemAsync(context, [new RequestValidationErrors("0", errors.Count > 0 ? errors : [ValidationError.FieldMissing("destination")])]);
            return;
        }

        var removed = api.Store.Write(data =>
        {
            var webhook = data.Webhooks.Values.FirstOrDefault(w => w.Destination == destination);
            return webhook is not null && data.Webhooks.Remove(webhook.Id);
        });
        if (!removed)
        {
            await KommoHttp.WriteNotFoundAsync(context, $"No webhook is registered for {destination}");
            return;
        }

        await KommoHttp.WriteNoContent(context);
    }

    private static Uri? ReadDestination(JsonElement body, List<ValidationError> errors)
    {
        var text = JsonRead.String(body, "destination", "destination", errors);
        if (text is null)
        {
            if (!JsonRead.Has(body, "destination"))
            {
                errors.Add(ValidationError.FieldMissing("destination"));
            }

            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        errors.Add(new ValidationError("InvalidUrl", "destination", "destination must be an absolute http or https URL."));
        return null;
    }

    private static List<string> ReadSettings(JsonElement body, List<ValidationError> errors)
    {
        var settings = new List<string>();
        if (!body.TryGetProperty("settings", out var raw))
        {
            errors.Add(ValidationError.FieldMissing("settings"));
            return settings;
        }

        if (raw.ValueKind != JsonValueKind.Array || raw.GetArrayLength() == 0)
        {
            errors.Add(ValidationError.InvalidType("settings", "non-empty array"));
            return settings;
        }

        var index = 0;
        foreach (var item in raw.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && KnownSettings.Contains(item.GetString()!))
            {
                settings.Add(item.GetString()!);
            }
            else
            {
                errors.Add(ValidationError.NotSupportedChoice($"settings.{index}"));
            }

            index++;
        }

        return settings;
    }
}
