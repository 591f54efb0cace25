using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContractBridge.Configuration;
using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo.Webhooks;
using ContractBridge.Observability;

namespace ContractBridge.Web;

/// <summary>
/// POST /webhooks/kommo/{secret}: Kommo's CRM webhooks (form-encoded) and the digital-pipeline JSON. Kommo does not sign
/// webhooks, so the secret in the URL authenticates them (compared in constant time, before the body is read). The body
/// is stored with one launch job per deal that entered a trigger stage, and answered only once it is committed; Kommo
/// waits 2 seconds at most and disables hooks that fail, so nothing else happens here.
/// </summary>
public static class KommoWebhookEndpoint
{
    public const string Source = "kommo";

    private const string Path = "/webhooks/kommo";
    private static readonly object SecretItem = new();

    /// <summary>
    /// Takes the secret off the request path before routing, which logs paths at Debug: it then travels in the request's
    /// items only, and nothing after this middleware can print it. Call before UseRouting.
    /// </summary>
    public static IApplicationBuilder UseKommoWebhookSecretHiding(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(Path, out var rest) && rest.Value is ['/', .. var secret] && secret.Length > 0 && !secret.Contains('/', StringComparison.Ordinal))
        {
            context.Items[SecretItem] = secret;
            context.Request.Path = Path;
        }

        return next(context);
    });

    public static IEndpointRouteBuilder MapKommoWebhook(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Path + "/{secret}", HandleAsync).DisableAntiforgery();
        routes.MapPost(Path, (HttpContext context, IOptions<BridgeOptions> options, RuleBook rules, EventIntake intake, BridgeMetrics metrics, CancellationToken cancellationToken) =>
            context.Items[SecretItem] is string secret
                ? HandleAsync(secret, context.Request, options, rules, intake, metrics, cancellationToken)
                : Task.FromResult(Refuse(metrics))).DisableAntiforgery();
        return routes;
    }

    private static IResult Refuse(BridgeMetrics metrics)
    {
        metrics.EventReceived(Source, "unauthorized");
        return WebhookAnswers.Unauthorized("The webhook URL must end with the secret: /webhooks/kommo/<KOMMO_WEBHOOK_SECRET>.");
    }

    private static async Task<IResult> HandleAsync(
        string secret,
        HttpRequest request,
        IOptions<BridgeOptions> options,
        RuleBook rules,
        EventIntake intake,
        BridgeMetrics metrics,
        CancellationToken cancellationToken)
    {
        if (!SecretComparer.Matches(secret, options.Value.Kommo.WebhookSecret))
        {
            return Refuse(metrics);
        }

        var body = await BodyReader.ReadAsync(request, BodyReader.MaxWebhookBytes, cancellationToken);
        if (body is null)
        {
            metrics.EventReceived(Source, "too_large");
            return WebhookAnswers.TooLarge(BodyReader.MaxWebhookBytes);
        }

        var parsed = KommoWebhookParser.Parse(request.ContentType, body);
        if (!parsed.Succeeded)
        {
            metrics.EventReceived(Source, "malformed");
            return WebhookAnswers.BadRequest(parsed.Error);
        }

        var inbound = ToInboundEvent(parsed.Webhook, request.ContentType ?? string.Empty, body, rules);
        var outcome = await intake.IngestAsync(inbound, cancellationToken);
        metrics.EventReceived(Source, outcome == IngestOutcome.Stored ? "stored" : "duplicate");
        return WebhookAnswers.Stored(outcome == IngestOutcome.Stored ? "stored" : "duplicate", outcome == IngestOutcome.Stored ? inbound.Jobs.Count : 0);
    }

    /// <summary>
    /// A redelivery of the same body is the same event: the dedupe key is the body's hash. A lead appears once even when
    /// the body holds it under several actions (status and update).
    /// </summary>
    public static InboundEvent ToInboundEvent(KommoWebhook webhook, string contentType, byte[] body, RuleBook rules)
    {
        var jobs = new List<NewJob>();
        var launched = new HashSet<long>();
        foreach (var change in webhook.Leads)
        {
            if (rules.Triggered(change) is { } rule && launched.Add(change.LeadId))
            {
                var request = new LaunchRequest(change.LeadId, rule.Name, change.PipelineId, change.StatusId, change.Action.ToString().ToLowerInvariant());
                jobs.Add(request.ToJob());
            }
        }

        var summary = webhook.Leads.Count == 0
            ? "no lead changes"
            : string.Join(", ", webhook.Leads.Take(5).Select(l => string.Create(CultureInfo.InvariantCulture, $"lead {l.LeadId} {l.Action.ToString().ToLowerInvariant()} → stage {l.StatusId}")))
              + (webhook.Leads.Count > 5 ? $" and {webhook.Leads.Count - 5} more" : string.Empty)
              + (jobs.Count > 0 ? $"; {jobs.Count} launch(es)" : string.Empty);
        var dedupe = "kommo:" + Convert.ToHexStringLower(SHA256.HashData(body));
        return new InboundEvent(Source, dedupe, summary, contentType, Encoding.UTF8.GetString(body), jobs);
    }
}
