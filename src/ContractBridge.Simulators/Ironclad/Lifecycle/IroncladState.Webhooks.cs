using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>Webhook registrations (<c>/webhooks</c>) and what their deliveries did to them.</summary>
public sealed partial class IroncladState
{
    private readonly Dictionary<string, WebhookRegistration> _webhooks = new(StringComparer.Ordinal);

    private IEnumerable<WebhookRegistration> WebhooksInOrder => _webhooks.Values;

    public IReadOnlyList<WebhookSnapshot> Webhooks()
    {
        lock (_gate)
        {
            return [.. _webhooks.Values.Select(w => w.Snapshot())];
        }
    }

    /// <summary><c>POST /webhooks</c>: one registration per target URL.</summary>
    public JsonObject CreateWebhook(JsonObject body)
    {
        var events = ParseEvents(body, required: true)!;
        var target = ParseTarget(body, required: true)!;
        var status = ParseStatus(body) ?? "enabled";
        lock (_gate)
        {
            if (_webhooks.Values.Any(w => w.TargetUrl == target))
            {
                throw IroncladApiException.BadRequest(IroncladError.InvalidParam(
                    $"webhook already exists for event {events[0]} and target {target}", "targetURL"));
            }

            var webhook = new WebhookRegistration
            {
                Id = NewObjectId(),
                Events = events,
                TargetUrl = target,
                Status = status,
                StatusLastUpdatedAt = _clock.UtcNow,
                StatusLastUpdatedBy = "api",
            };
            _webhooks[webhook.Id] = webhook;
            return WebhookJson(webhook);
        }
    }

    public (int Count, List<JsonObject> Page) ListWebhooks(int page, int pageSize)
    {
        lock (_gate)
        {
            var all = _webhooks.Values.ToList();
            return (all.Count, all.Skip(page * pageSize).Take(pageSize).Select(WebhookJson).ToList());
        }
    }

    public JsonObject WebhookJson(string id)
    {
        lock (_gate)
        {
            return WebhookJson(RequireWebhook(id));
        }
    }

    /// <summary><c>PATCH /webhooks/{id}</c>: events, target URL, status. Re-enabling clears the failure count.</summary>
    public JsonObject UpdateWebhook(string id, JsonObject body)
    {
        var events = ParseEvents(body, required: false);
        var target = ParseTarget(body, required: false);
        var status = ParseStatus(body);
        lock (_gate)
        {
            var webhook = RequireWebhook(id);
            if (target is not null && _webhooks.Values.Any(w => w.Id != id && w.TargetUrl == target))
            {
                throw IroncladApiException.BadRequest(IroncladError.InvalidParam(
                    $"webhook already exists for event {(events ?? webhook.Events)[0]} and target {target}", "targetURL"));
            }

            webhook.Events = events ?? webhook.Events;
            webhook.TargetUrl = target ?? webhook.TargetUrl;
            if (status is not null && status != webhook.Status)
            {
                webhook.Status = status;
                webhook.StatusLastUpdatedAt = _clock.UtcNow;
                webhook.StatusLastUpdatedBy = "api";
                if (status == "enabled")
                {
                    webhook.ConsecutiveFailureCount = 0;
                    webhook.FirstConsecutiveFailure = null;
                }
            }

            return WebhookJson(webhook);
        }
    }

    public void DeleteWebhook(string id)
    {
        lock (_gate)
        {
            RequireWebhook(id);
            _webhooks.Remove(id);
        }
    }

    /// <summary>
    /// Keeps <c>consecutiveFailureCount</c>: a delivery that gave up after its last retry is one failure; a 410 deletes
    /// the registration at once (as Ironclad documents); enough failures over a long enough time make it <c>disabledBySystem</c>.
    /// </summary>
    private void RecordDeliveryOutcome(string webhookId, WebhookOutcome outcome)
    {
        lock (_gate)
        {
            if (!_webhooks.TryGetValue(webhookId, out var webhook))
            {
                return;
            }

            var now = _clock.UtcNow;
            switch (outcome)
            {
                case WebhookOutcome.Delivered:
                    webhook.ConsecutiveFailureCount = 0;
                    webhook.FirstConsecutiveFailure = null;
                    break;
                case WebhookOutcome.Gone:
                    _webhooks.Remove(webhook.Id);
                    Log.WebhookDeleted(_logger, webhook.Id, webhook.TargetUrl);
                    break;
                case WebhookOutcome.GaveUp:
                    webhook.ConsecutiveFailureCount++;
                    webhook.FirstConsecutiveFailure ??= now;
                    if (webhook.ConsecutiveFailureCount >= _options.WebhookFailuresBeforeDisable
                        && now - webhook.FirstConsecutiveFailure >= _clock.Scaled(_options.WebhookFailurePeriodBeforeDisable))
                    {
                        SetSystemStatus(webhook, "disabledBySystem", now, $"{webhook.ConsecutiveFailureCount} consecutive failures");
                    }

                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Asked before every delivery attempt: a registration deleted or disabled meanwhile gets no more retries.</summary>
    private bool StillDelivering(string webhookId)
    {
        lock (_gate)
        {
            return _webhooks.TryGetValue(webhookId, out var webhook) && webhook.Status == "enabled";
        }
    }

    private void SetSystemStatus(WebhookRegistration webhook, string status, DateTimeOffset now, string reason)
    {
        if (webhook.Status != "enabled")
        {
            return;
        }

        webhook.Status = status;
        webhook.StatusLastUpdatedAt = now;
        webhook.StatusLastUpdatedBy = "system";
        Log.WebhookDisabled(_logger, webhook.Id, status, reason);
    }

    private WebhookRegistration RequireWebhook(string id) =>
        _webhooks.GetValueOrDefault(id) ?? throw IroncladApiException.NotFound("webhook does not exist", "id");

    private JsonObject WebhookJson(WebhookRegistration webhook)
    {
        var json = new JsonObject
        {
            ["id"] = webhook.Id,
            ["events"] = new JsonArray([.. webhook.Events.Select(e => (JsonNode)JsonValue.Create(e))]),
            ["targetURL"] = webhook.TargetUrl.ToString(),
            ["companyId"] = _options.CompanyId,
            ["status"] = webhook.Status,
            ["statusLastUpdatedAt"] = WireNames.Timestamp(webhook.StatusLastUpdatedAt),
            ["statusLastUpdatedBy"] = webhook.StatusLastUpdatedBy,
            ["consecutiveFailureCount"] = webhook.ConsecutiveFailureCount,
        };
        if (webhook.FirstConsecutiveFailure is { } first)
        {
            json["firstConsecutiveFailure"] = WireNames.Timestamp(first);
        }

        return json;
    }

    private List<string>? ParseEvents(JsonObject body, bool required)
    {
        if (body["events"] is not { } node)
        {
            return required ? throw IroncladApiException.BadRequest(IroncladError.MissingParam("events is required", "events")) : null;
        }

        var invalid = IroncladApiException.BadRequest(IroncladError.InvalidParam(
            "invalid event type; " + string.Join(", ", WebhookEvents.Known) + " are acceptable event types", "events"));
        if (node is not JsonArray array || array.Count == 0)
        {
            throw invalid;
        }

        var events = new List<string>();
        foreach (var item in array)
        {
            if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                throw invalid;
            }

            var name = value.GetValue<string>();
            if (!WebhookEvents.Known.Contains(name) && !(SeedDialect && name == WebhookEvents.SeedStateChanged))
            {
                throw invalid;
            }

            events.Add(name);
        }

        return events;
    }

    /// <summary>
    /// Ironclad insists on HTTPS targets; the simulator also takes plain HTTP, because receivers in tests and the demo
    /// listen on loopback without TLS.
    /// </summary>
    private static Uri? ParseTarget(JsonObject body, bool required)
    {
        if (body["targetURL"] is not { } node)
        {
            return required ? throw IroncladApiException.BadRequest(IroncladError.MissingParam("targetURL is required", "targetURL")) : null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && Uri.TryCreate(value.GetValue<string>(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        throw IroncladApiException.BadRequest(IroncladError.InvalidParam("targetURL must be an HTTPS URL", "targetURL"));
    }

    private static string? ParseStatus(JsonObject body)
    {
        if (body["status"] is not { } node)
        {
            return null;
        }

        var status = node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        return status is "enabled" or "disabled"
            ? status
            : throw IroncladApiException.BadRequest(IroncladError.InvalidParam("status must be one of [enabled, disabled]", "status"));
    }
}
