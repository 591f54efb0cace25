using ContractBridge.Configuration;
using ContractBridge.Flows.Triggers;
using ContractBridge.Ironclad.Webhooks;
using ContractBridge.Upstream;

namespace ContractBridge.Web;

/// <summary>
/// POST /webhooks/ironclad: the signature is verified before anything else (Ironclad's RSA signature; or, when
/// IRONCLAD_WEBHOOK_SECRET is set, the seed dialect's HMAC), then the body is parsed in the dialect that signature
/// belongs to and stored with the jobs it triggers, deduplicated by Ironclad's event id.
/// </summary>
public static partial class IroncladWebhookEndpoint
{
    public const string Source = "ironclad";

    public static IEndpointRouteBuilder MapIroncladWebhook(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/webhooks/ironclad", HandleAsync).DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        IroncladSignatureVerifier verifier,
        IOptions<BridgeOptions> options,
        WebhookIntake intake,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, BodyReader.MaxWebhookBytes, cancellationToken);
        if (body is null)
        {
            return intake.Refuse(Source, "too_large", WebhookAnswers.TooLarge(BodyReader.MaxWebhookBytes));
        }

        var eventId = request.Headers[IroncladSignatureVerifier.EventIdHeader].ToString();
        var verification = request.Headers[IroncladSignatureVerifier.VerificationHeader].ToString();
        var seedSecret = options.Value.Ironclad.WebhookSecret;
        var seedSignature = request.Headers[SeedDialectSignatureVerifier.SignatureHeader].ToString();
        var dialect = verification.Length == 0 && seedSignature.Length > 0 && !string.IsNullOrEmpty(seedSecret)
            ? IroncladWebhookDialect.Seed
            : IroncladWebhookDialect.Envelope;
        SignatureCheck check;
        try
        {
            check = dialect == IroncladWebhookDialect.Seed
                ? new SeedDialectSignatureVerifier(seedSecret!).Verify(seedSignature, body)
                : await verifier.VerifyAsync(eventId, verification, body, cancellationToken);
        }
        catch (UpstreamException ex)
        {
            // Without Ironclad's key nothing can be verified (nor refused for certain): Ironclad delivers again later.
            Log.KeyUnavailable(loggerFactory.CreateLogger(typeof(IroncladWebhookEndpoint)), ex.Message);
            return intake.Refuse(Source, "unavailable", WebhookAnswers.Unavailable("The webhook cannot be verified now: Ironclad's verification key could not be fetched. Deliver it again later."));
        }

        if (check is not SignatureCheck.Valid)
        {
            return Refuse(intake, check);
        }

        var parsed = dialect == IroncladWebhookDialect.Seed ? IroncladWebhookParser.ParseSeed(body) : IroncladWebhookParser.ParseEnvelope(body, eventId);
        if (!parsed.Succeeded)
        {
            return intake.Refuse(Source, "malformed", WebhookAnswers.BadRequest(parsed.Error));
        }

        return await intake.StoreAsync(Source, parsed.Webhook.DedupeKey, "application/json", body, IroncladTriggers.For(parsed.Webhook), cancellationToken);
    }

    private static IResult Refuse(WebhookIntake intake, SignatureCheck check) => check switch
    {
        SignatureCheck.MalformedBody => intake.Refuse(Source, "malformed", WebhookAnswers.BadRequest("The body is not valid JSON.")),
        _ => intake.Refuse(Source, "unauthorized", WebhookAnswers.Unauthorized(check switch
        {
            SignatureCheck.MissingSignature => "The webhook is not signed: X-Ironclad-Webhook-Event-Id and X-Ironclad-Webhook-Verification are required.",
            SignatureCheck.MalformedSignature => "The webhook signature headers cannot be read.",
            _ => "The webhook signature does not match its body.",
        })),
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "An Ironclad webhook could not be verified: {Reason}; answered 503 so that Ironclad delivers it again")]
        public static partial void KeyUnavailable(ILogger logger, string reason);
    }
}
