using ContractBridge.Flows.Triggers;
using ContractBridge.Kommo.Webhooks;
using ContractBridge.Setup;

namespace ContractBridge.Web;

/// <summary>
/// POST /webhooks/kommo/&lt;secret&gt;: Kommo's CRM webhooks (form-encoded) and the digital-pipeline JSON. Kommo does not
/// sign webhooks, so the secret in the URL authenticates them (compared in constant time, before the body is read). The
/// body is parsed, stored with the jobs it triggers, and answered only once it is committed; Kommo waits 2 seconds at
/// most and disables hooks that fail, so nothing else happens here.
/// </summary>
public static class KommoWebhookEndpoint
{
    public const string Source = "kommo";

    internal const string Path = "/webhooks/kommo";
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

    /// <summary>One route: the middleware above has taken the secret off every /webhooks/kommo/&lt;secret&gt; path by now.</summary>
    public static IEndpointRouteBuilder MapKommoWebhook(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Path, HandleAsync).DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        UpstreamConnections connections,
        KommoTriggers triggers,
        KommoEditTriggers edits,
        WebhookIntake intake,
        CancellationToken cancellationToken)
    {
        if (context.Items[SecretItem] is not string secret || !SecretComparer.Matches(secret, connections.KommoWebhookSecret))
        {
            return intake.Refuse(Source, "unauthorized", WebhookAnswers.Unauthorized("The webhook URL must end with the secret: /webhooks/kommo/<KOMMO_WEBHOOK_SECRET>."));
        }

        var request = context.Request;
        var body = await BodyReader.ReadAsync(request, BodyReader.MaxWebhookBytes, cancellationToken);
        if (body is null)
        {
            return intake.Refuse(Source, "too_large", WebhookAnswers.TooLarge(BodyReader.MaxWebhookBytes));
        }

        var parsed = KommoWebhookParser.Parse(request.ContentType, body);
        if (!parsed.Succeeded)
        {
            return intake.Refuse(Source, "malformed", WebhookAnswers.BadRequest(parsed.Error));
        }

        var work = triggers.For(parsed.Webhook).With(edits.For(parsed.Webhook), "edit sync(s)");
        return await intake.StoreAsync(Source, parsed.Webhook.DedupeKey, request.ContentType ?? string.Empty, body, work, cancellationToken);
    }
}
