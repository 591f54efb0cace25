using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ContractBridge.Configuration;
using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Sync;
using ContractBridge.Ironclad.Webhooks;
using ContractBridge.Observability;
using ContractBridge.Upstream;

namespace ContractBridge.Web;

/// <summary>
/// POST /webhooks/ironclad: the signature is verified before anything else (Ironclad's RSA signature; or, when
/// IRONCLAD_WEBHOOK_SECRET is set, the seed dialect's HMAC). Valid events are stored, deduplicated by Ironclad's event id,
/// with a sync job for the workflow; the job reads the workflow itself, since the envelope only names it.
/// </summary>
public static partial class IroncladWebhookEndpoint
{
    public const string Source = "ironclad";

    /// <summary>
    /// Events that announce a change of step or status; others (comments, edits, and workflow_updated, which follows
    /// every change) are stored and not acted on, so one change costs one read of the workflow, not three.
    /// </summary>
    public static readonly IReadOnlySet<string> StateEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        "workflow_launched", "workflow_step_updated", "workflow_signature_packet_sent", ContractStateDeriver.FullySignedEvent,
        "workflow_signature_packet_cancelled", "workflow_completed", "workflow_cancelled", "workflow_paused", "workflow_resumed",
    };

    public static IEndpointRouteBuilder MapIroncladWebhook(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/webhooks/ironclad", HandleAsync).DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        IroncladSignatureVerifier verifier,
        IOptions<BridgeOptions> options,
        EventIntake intake,
        BridgeMetrics metrics,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, BodyReader.MaxWebhookBytes, cancellationToken);
        if (body is null)
        {
            metrics.EventReceived(Source, "too_large");
            return WebhookAnswers.TooLarge(BodyReader.MaxWebhookBytes);
        }

        var eventId = request.Headers[IroncladSignatureVerifier.EventIdHeader].ToString();
        var verification = request.Headers[IroncladSignatureVerifier.VerificationHeader].ToString();
        var seedSecret = options.Value.Ironclad.WebhookSecret;
        var seedSignature = request.Headers[SeedDialectSignatureVerifier.SignatureHeader].ToString();
        var useSeed = verification.Length == 0 && seedSignature.Length > 0 && !string.IsNullOrEmpty(seedSecret);
        SignatureCheck check;
        try
        {
            check = useSeed
                ? new SeedDialectSignatureVerifier(seedSecret!).Verify(seedSignature, body)
                : await verifier.VerifyAsync(eventId, verification, body, cancellationToken);
        }
        catch (UpstreamException ex)
        {
            // Without Ironclad's key nothing can be verified (nor refused for certain): Ironclad delivers again later.
            Log.KeyUnavailable(loggerFactory.CreateLogger(typeof(IroncladWebhookEndpoint)), ex.Message);
            metrics.EventReceived(Source, "unavailable");
            return WebhookAnswers.Unavailable("The webhook cannot be verified now: Ironclad's verification key could not be fetched. Deliver it again later.");
        }

        switch (check)
        {
            case SignatureCheck.MalformedBody:
                metrics.EventReceived(Source, "malformed");
                return WebhookAnswers.BadRequest("The body is not valid JSON.");
            case not SignatureCheck.Valid:
                metrics.EventReceived(Source, "unauthorized");
                return WebhookAnswers.Unauthorized(check switch
                {
                    SignatureCheck.MissingSignature => "The webhook is not signed: X-Ironclad-Webhook-Event-Id and X-Ironclad-Webhook-Verification are required.",
                    SignatureCheck.MalformedSignature => "The webhook signature headers cannot be read.",
                    _ => "The webhook signature does not match its body.",
                });
        }

        var parsed = useSeed ? ParseSeed(body) : ParseEnvelope(body, eventId);
        if (parsed.Error is not null)
        {
            metrics.EventReceived(Source, "malformed");
            return WebhookAnswers.BadRequest(parsed.Error);
        }

        var inbound = parsed.Event!;
        var outcome = await intake.IngestAsync(inbound, cancellationToken);
        metrics.EventReceived(Source, outcome == IngestOutcome.Stored ? "stored" : "duplicate");
        return WebhookAnswers.Stored(outcome == IngestOutcome.Stored ? "stored" : "duplicate", outcome == IngestOutcome.Stored ? inbound.Jobs.Count : 0);
    }

    /// <summary>Ironclad's envelope: <c>{"companyID","payload":{"event","templateID","workflowID"},"timestamp","webhookID"}</c>.</summary>
    private static (InboundEvent? Event, string? Error) ParseEnvelope(byte[] body, string eventId)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = JavaScriptJson.MaxDepth });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
            {
                return (null, "The body has no \"payload\" object.");
            }

            var name = String(payload, "event");
            var workflowId = String(payload, "workflowID") ?? String(payload, "workflowId");
            if (name is null)
            {
                return (null, "payload.event is missing.");
            }

            if (workflowId is not null && !IsWorkflowId(workflowId))
            {
                return (null, "payload.workflowID is not a workflow id.");
            }

            var jobs = workflowId is not null && StateEvents.Contains(name)
                ? new List<NewJob> { Sync(workflowId, name) }
                : [];
            return (new InboundEvent(Source, "ironclad:" + eventId, $"{name} {workflowId}".Trim(), "application/json", Encoding.UTF8.GetString(body), jobs), null);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>The seed's dialect: <c>{"event":"workflow.state.changed","workflowId","workflowStatus"}</c>; no event id, so the body's hash dedupes.</summary>
    private static (InboundEvent? Event, string? Error) ParseSeed(byte[] body)
    {
        // The HMAC covers raw bytes, so nothing has read them yet: strings that are not UTF-8 would throw when read.
        if (!Utf8.IsValid(body))
        {
            return (null, "The body is not valid UTF-8.");
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = JavaScriptJson.MaxDepth });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The body must be a JSON object.");
            }

            var name = String(root, "event");
            var workflowId = String(root, "workflowId");
            var status = String(root, "workflowStatus");
            if (name is null || workflowId is null || !IsWorkflowId(workflowId))
            {
                return (null, "The body needs \"event\" and a valid \"workflowId\".");
            }

            // EXECUTED in the seed means fully signed: pass it on as the real event that says so.
            var hint = string.Equals(status, "EXECUTED", StringComparison.OrdinalIgnoreCase) ? ContractStateDeriver.FullySignedEvent : name;
            var jobs = name == "workflow.state.changed" ? new List<NewJob> { Sync(workflowId, hint) } : [];
            var dedupe = "ironclad-seed:" + Convert.ToHexStringLower(SHA256.HashData(body));
            return (new InboundEvent(Source, dedupe, $"{name} {workflowId} {status}".Trim(), "application/json", Encoding.UTF8.GetString(body), jobs), null);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not valid JSON: {ex.Message}");
        }
    }

    private static NewJob Sync(string workflowId, string eventName) => new SyncRequest(workflowId, eventName).ToJob();

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Ironclad ids are short tokens (hex ids, IC-123): anything else (paths, traversal, control characters) is refused.</summary>
    private static bool IsWorkflowId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static partial class Log
    {
        [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "An Ironclad webhook could not be verified: {Reason}; answered 503 so that Ironclad delivers it again")]
        public static partial void KeyUnavailable(ILogger logger, string reason);
    }
}
