using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Webhooks;

/// <summary>
/// Turns workflow events into signed webhook deliveries. Deliveries are queued while the state lock is held (so their
/// order is the order of the changes) and signed and handed to <see cref="WebhookSender"/> by <see cref="Flush"/>
/// after it is released, so RSA signing never holds up other API calls.
/// </summary>
public sealed class IroncladWebhookEmitter : IAsyncDisposable
{
    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly string _companyId;
    private readonly SimulatorClock _clock;
    private readonly WebhookSigningKey _key;
    private readonly byte[]? _seedSecret;
    private readonly WebhookSender _sender;
    private readonly ConcurrentQueue<PendingDelivery> _outbox = new();
    private readonly Lock _dispatchLock = new();
    private readonly ConcurrentDictionary<OutgoingWebhook, string> _webhookIds = new(ReferenceEqualityComparer.Instance);
    private readonly Action<string, WebhookOutcome> _onOutcome;

    /// <param name="onOutcome">Told (webhook id, outcome) when a delivery ends, to keep failure counts.</param>
    /// <param name="stillDelivering">Asked (webhook id) before each attempt: false once the registration is deleted or disabled.</param>
    public IroncladWebhookEmitter(
        IroncladSimulatorOptions options,
        SimulatorClock clock,
        FaultInjector faults,
        WebhookSigningKey key,
        Action<string, WebhookOutcome> onOutcome,
        Func<string, bool> stillDelivering)
    {
        _companyId = options.CompanyId;
        _clock = clock;
        _key = key;
        _onOutcome = onOutcome;
        _seedSecret = options.SeedDialectWebhookSecret is { } secret ? Encoding.UTF8.GetBytes(secret) : null;
        _sender = new WebhookSender(
            clock,
            faults,
            options.WebhookRetryDelays,
            options.WebhookAttemptTimeout,
            OnOutcome,
            stillWanted: webhook => !_webhookIds.TryGetValue(webhook, out var webhookId) || stillDelivering(webhookId));
    }

    public IReadOnlyList<WebhookAttempt> Attempts => _sender.Attempts;

    /// <summary>Deliveries queued or in flight (including ones waiting for a retry).</summary>
    public int Pending => _outbox.Count + _sender.Pending;

    /// <summary>Queues Ironclad's thin envelope for one registration. Call under the state lock.</summary>
    public void Enqueue(WebhookRegistration webhook, string eventName, Workflow workflow, JsonObject? extraPayload)
    {
        var payload = new JsonObject
        {
            ["event"] = eventName,
            ["templateID"] = workflow.Template.Id,
            ["workflowID"] = workflow.Id,
        };
        foreach (var (key, value) in extraPayload ?? [])
        {
            payload[key] = value?.DeepClone();
        }

        var envelope = new JsonObject
        {
            ["companyID"] = _companyId,
            ["payload"] = payload,
            ["timestamp"] = WireNames.Timestamp(_clock.UtcNow),
            ["webhookID"] = webhook.Id,
        };
        _outbox.Enqueue(new PendingDelivery(webhook.Id, webhook.TargetUrl, $"{eventName} {workflow.IroncladId} -> {webhook.Id}", envelope, null));
    }

    /// <summary>
    /// Queues a record event's envelope (<c>record_contract_status_changed</c>): as thin as a workflow's, its payload names
    /// the record (<c>recordID</c>) and no workflow; the receiver reads the record for its status and dates. Call under the
    /// state lock.
    /// </summary>
    public void EnqueueRecordEvent(WebhookRegistration webhook, string eventName, ContractRecord record)
    {
        var envelope = new JsonObject
        {
            ["companyID"] = _companyId,
            ["payload"] = new JsonObject { ["event"] = eventName, ["recordID"] = record.Id },
            ["timestamp"] = WireNames.Timestamp(_clock.UtcNow),
            ["webhookID"] = webhook.Id,
        };
        _outbox.Enqueue(new PendingDelivery(webhook.Id, webhook.TargetUrl, $"{eventName} record {record.IroncladId} -> {webhook.Id}", envelope, null));
    }

    /// <summary>Queues the seed dialect's <c>workflow.state.changed</c> body. Call under the state lock.</summary>
    public void EnqueueSeedStateChange(WebhookRegistration webhook, Workflow workflow, string seedStatus)
    {
        if (_seedSecret is null)
        {
            return;
        }

        var body = new JsonObject
        {
            ["event"] = WebhookEvents.SeedStateChanged,
            ["workflowId"] = workflow.Id,
            ["workflowStatus"] = seedStatus,
        };
        _outbox.Enqueue(new PendingDelivery(
            webhook.Id,
            webhook.TargetUrl,
            $"{WebhookEvents.SeedStateChanged} {seedStatus} {workflow.IroncladId} -> {webhook.Id}",
            null,
            Encoding.UTF8.GetBytes(JsStringify.Write(body))));
    }

    /// <summary>Signs and sends everything queued, in queue order. Call after releasing the state lock.</summary>
    public void Flush()
    {
        lock (_dispatchLock)
        {
            while (_outbox.TryDequeue(out var delivery))
            {
                var webhook = delivery.Envelope is { } envelope ? SignEnvelope(delivery, envelope) : SignSeedBody(delivery);
                _webhookIds[webhook] = delivery.WebhookId;
                _sender.Send(webhook);
            }
        }
    }

    public ValueTask DisposeAsync() => _sender.DisposeAsync();

    private OutgoingWebhook SignEnvelope(PendingDelivery delivery, JsonObject envelope)
    {
        var eventId = "webhookEvent" + RandomNumberGenerator.GetHexString(32, lowercase: true);
        var nonce = RandomNumberGenerator.GetString(NonceAlphabet, 16);
        var body = JsStringify.Write(envelope);
        var signature = _key.Sign(Encoding.UTF8.GetBytes(eventId + body + nonce));
        var verification = new JsonObject
        {
            ["nonce"] = nonce,
            ["signAlgorithm"] = "sha256",
            ["signature"] = Convert.ToBase64String(signature),
            ["encoding"] = "base64",
        };
        return new OutgoingWebhook(
            delivery.Target,
            "application/json",
            Encoding.UTF8.GetBytes(body),
            [
                new("X-Ironclad-Webhook-Event-Id", eventId),
                new("X-Ironclad-Webhook-Verification", JsStringify.Write(verification)),
            ],
            $"{eventId} {delivery.Description}");
    }

    private OutgoingWebhook SignSeedBody(PendingDelivery delivery)
    {
        var body = delivery.SeedBody!;
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(_seedSecret!, body));
        return new OutgoingWebhook(delivery.Target, "application/json", body, [new("X-Ironclad-Signature", signature)], delivery.Description);
    }

    /// <summary>A duplicated delivery (a fault) reports twice; only the first counts, as it is one event to the service.</summary>
    private void OnOutcome(OutgoingWebhook webhook, WebhookOutcome outcome)
    {
        if (_webhookIds.TryRemove(webhook, out var webhookId))
        {
            _onOutcome(webhookId, outcome);
        }
    }
}
