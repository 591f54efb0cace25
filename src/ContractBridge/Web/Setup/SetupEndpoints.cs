using ContractBridge.Audit;
using ContractBridge.Configuration;
using ContractBridge.Flows;
using ContractBridge.Flows.Reconcile;
using ContractBridge.Setup;
using ContractBridge.Upstream;
using ContractBridge.Web.Dashboard;
using ContractBridge.Web.Dashboard.Components;
using Microsoft.AspNetCore.Antiforgery;

namespace ContractBridge.Web.Setup;

/// <summary>
/// <c>/setup</c>, for admins: connect Kommo (API root and long-lived token, tried live first; or by OAuth through
/// Kommo's consent page and <c>/oauth/kommo/callback</c>) and Ironclad (region or API root, the user it launches as,
/// and an API key or OAuth client credentials, tried live first), each stored encrypted, audited, and in force on every
/// instance without a restart; each connection's health (token expiry, last 2xx, scopes missing); then "Go live"
/// registers both webhooks (generating Kommo's webhook secret if none is configured) and shows what the registrations
/// look like. Connections from configuration are shown read-only.
/// </summary>
public static class SetupEndpoints
{
    public static RouteGroupBuilder MapSetup(this RouteGroupBuilder dashboard)
    {
        dashboard.MapGroup(string.Empty).RequireAuthorization(DashboardPolicies.Change).MapGet("/setup", ShowAsync);
        var change = dashboard.MapGroup(string.Empty)
            .RequireAuthorization(DashboardPolicies.Change)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(DashboardFormCheck.RequireFromDashboardAsync);
        change.MapPost("/setup/kommo", ConnectKommoAsync);
        change.MapPost("/setup/kommo/oauth", StartKommoOAuthAsync);
        dashboard.MapGet(KommoOAuthConnect.CallbackPath, KommoCallbackAsync).AllowAnonymous();
        change.MapPost("/setup/ironclad", ConnectIroncladAsync);
        change.MapPost("/setup/go-live", GoLiveAsync);
        return dashboard;
    }

    private static async Task<IResult> ShowAsync(HttpContext context, string? notice, CancellationToken cancellationToken) =>
        await PageAsync(context, Notices.GetValueOrDefault(notice ?? string.Empty), problem: null, StatusCodes.Status200OK, cancellationToken);

    private static async Task<IResult> ConnectKommoAsync(HttpContext context, UpstreamConnections connections, ConnectionTester tester, IAuditLog audit, CancellationToken cancellationToken)
    {
        var form = await DashboardForms.TryReadAsync(context.Request, cancellationToken);
        var baseUrl = ApiRoot(form?["baseUrl"]);
        var token = form?["accessToken"].ToString().Trim();
        if (baseUrl is null || string.IsNullOrEmpty(token))
        {
            return await PageAsync(context, null, "Kommo: give the API root (https://<subdomain>.kommo.com/api/v4) and a long-lived token.", StatusCodes.Status400BadRequest, cancellationToken);
        }

        var connection = new KommoConnection(baseUrl, token, null) { ConnectedBy = Who(context), ConnectedAt = DateTimeOffset.UtcNow };
        return await SaveAsync(context, connections.Kommo, await tester.TryKommoAsync(connection, cancellationToken), async () =>
        {
            await connections.SaveKommoAsync(connection, cancellationToken);
            await audit.RecordAsync(DashboardPrincipal.Actor(context), AuditActions.ConnectKommo, $"connected {connection.AccountUrl} by long-lived token", cancellationToken);
        }, "kommo", cancellationToken);
    }

    private static async Task<IResult> StartKommoOAuthAsync(HttpContext context, UpstreamConnections connections, KommoOAuthConnect oauth, IOptions<BridgeOptions> options, CancellationToken cancellationToken)
    {
        var form = await DashboardForms.TryReadAsync(context.Request, cancellationToken);
        var clientId = form?["clientId"].ToString().Trim();
        var clientSecret = form?["clientSecret"].ToString().Trim();
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
        {
            return await PageAsync(context, null, "Kommo OAuth: give the integration's ID and secret key (Kommo: Settings → Integrations → your integration → Keys and scopes).", StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (connections.Kommo is { FromConfiguration: true })
        {
            return await PageAsync(context, null, "This connection comes from configuration (appsettings or environment variables): change it there.", StatusCodes.Status409Conflict, cancellationToken);
        }

        return Results.Redirect((await oauth.StartAsync(clientId, clientSecret, PublicUrl(context, options.Value), DashboardPrincipal.Actor(context), cancellationToken)).ToString());
    }

    /// <summary>Kommo's redirect back: anonymous (a cross-site arrival carries no SameSite=Strict session); the state proves it.</summary>
    private static async Task<IResult> KommoCallbackAsync(HttpContext context, KommoOAuthConnect oauth, IAuditLog audit, string? code, string? state, string? referer, CancellationToken cancellationToken)
    {
        var (connected, startedBy, problem) = await oauth.CompleteAsync(code, state, referer, cancellationToken);
        if (connected is null)
        {
            return DashboardPages.Problem(StatusCodes.Status400BadRequest, "Kommo not connected", problem!, null);
        }

        // The callback itself is anonymous: the row names the admin who started the authorization, as the state proves.
        await audit.RecordAsync(startedBy!, AuditActions.ConnectKommo, $"connected {connected.AccountUrl} by OAuth", cancellationToken);
        return Results.Redirect("/setup?notice=kommo-oauth");
    }

    private static async Task<IResult> ConnectIroncladAsync(HttpContext context, UpstreamConnections connections, ConnectionTester tester, IAuditLog audit, CancellationToken cancellationToken)
    {
        var form = await DashboardForms.TryReadAsync(context.Request, cancellationToken);
        var host = form?["host"].ToString();
        var baseUrl = host is not null && IroncladHosts.Known.TryGetValue(host, out var known) ? known : host == "custom" ? ApiRoot(form?["baseUrl"]) : null;
        var creator = form?["creatorEmail"].ToString().Trim();
        var byOAuth = form?["auth"].ToString() == "oauth";
        var apiKey = form?["apiKey"].ToString().Trim();
        var clientId = form?["clientId"].ToString().Trim();
        var clientSecret = form?["clientSecret"].ToString().Trim();
        var credentialGiven = byOAuth ? !string.IsNullOrEmpty(clientId) && !string.IsNullOrEmpty(clientSecret) : !string.IsNullOrEmpty(apiKey);
        if (baseUrl is null || !credentialGiven || string.IsNullOrEmpty(creator) || !creator.Contains('@', StringComparison.Ordinal))
        {
            return await PageAsync(
                context,
                null,
                "Ironclad: choose the region (or give a custom API root), give an API key or an OAuth client's ID and secret, and the email of the Ironclad user who launches workflows.",
                StatusCodes.Status400BadRequest,
                cancellationToken);
        }

        var oauth = byOAuth ? new IroncladOAuthOptions { ClientId = clientId!, ClientSecret = clientSecret! } : null;
        var connection = new IroncladConnection(baseUrl, byOAuth ? null : apiKey, oauth, creator) { ConnectedBy = Who(context), ConnectedAt = DateTimeOffset.UtcNow };
        return await SaveAsync(context, connections.Ironclad, await tester.TryIroncladAsync(connection, cancellationToken), async () =>
        {
            await connections.SaveIroncladAsync(connection, cancellationToken);
            await audit.RecordAsync(DashboardPrincipal.Actor(context), AuditActions.ConnectIronclad, $"connected {connection.WebUrl} by {connection.Method}, launching as {creator}", cancellationToken);
        }, "ironclad", cancellationToken);
    }

    private static async Task<IResult> GoLiveAsync(
        HttpContext context, UpstreamConnections connections, WebhookRegistrar registrar, WebhookHealthCheck webhooks, IOptions<BridgeOptions> options, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (connections.Kommo is null || connections.Ironclad is null)
        {
            return await PageAsync(context, null, "Connect both Kommo and Ironclad before going live.", StatusCodes.Status409Conflict, cancellationToken);
        }

        var publicUrl = PublicUrl(context, options.Value);
        try
        {
            await connections.EnsureKommoWebhookSecretAsync(cancellationToken);
            var results = await registrar.RegisterAsync(publicUrl, cancellationToken);
            await webhooks.RunAsync(cancellationToken);
            await audit.RecordAsync(DashboardPrincipal.Actor(context), AuditActions.GoLive, $"webhooks at {publicUrl}: {string.Join("; ", results.Select(r => $"{r.Service} {r.Outcome}"))}", cancellationToken);
        }
        catch (UpstreamException ex)
        {
            return await PageAsync(context, null, $"Going live failed: {ex.Message}", StatusCodes.Status502BadGateway, cancellationToken);
        }

        return Results.Redirect("/setup?notice=live");
    }

    private static async Task<IResult> SaveAsync(HttpContext context, object? current, string? failure, Func<Task> save, string notice, CancellationToken cancellationToken)
    {
        if (current is KommoConnection { FromConfiguration: true } or IroncladConnection { FromConfiguration: true })
        {
            return await PageAsync(context, null, "This connection comes from configuration (appsettings or environment variables): change it there.", StatusCodes.Status409Conflict, cancellationToken);
        }

        if (failure is not null)
        {
            return await PageAsync(context, null, $"Not saved: {failure}", StatusCodes.Status400BadRequest, cancellationToken);
        }

        await save();
        return Results.Redirect($"/setup?notice={notice}");
    }

    private static async Task<IResult> PageAsync(HttpContext context, string? notice, string? problem, int status, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var connections = services.GetRequiredService<UpstreamConnections>();
        var health = services.GetRequiredService<ConnectionHealthReader>();
        var options = services.GetRequiredService<IOptions<BridgeOptions>>().Value;
        if (connections.Kommo is not { FromConfiguration: true })
        {
            DashboardHeaders.AllowFormActionTo(context, options.Kommo.AuthorizeUrl);
        }

        return DashboardPages.Render<SetupPage>(
            new Dictionary<string, object?>
            {
                ["Session"] = await DashboardSession.OfAsync(context),
                ["Kommo"] = connections.Kommo,
                ["Ironclad"] = connections.Ironclad,
                ["KommoHealth"] = await health.KommoAsync(cancellationToken),
                ["IroncladHealth"] = await health.IroncladAsync(cancellationToken),
                ["PublicUrl"] = PublicUrl(context, options),
                ["Webhooks"] = await services.GetRequiredService<WebhookHealthCheck>().LastAsync(cancellationToken),
                ["Notice"] = notice,
                ["Problem"] = problem,
            },
            status);
    }

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["kommo"] = "Kommo is connected: the token answered, and it is stored encrypted.",
        ["kommo-oauth"] = "Kommo is connected by OAuth: the code was exchanged, and the tokens are stored encrypted.",
        ["ironclad"] = "Ironclad is connected: the credential answered, and it is stored encrypted.",
        ["live"] = "Both webhooks are registered: the bridge is live.",
    };

    /// <summary>Where Kommo and Ironclad reach this service: PublicUrl when configured, else the address this page was asked at.</summary>
    private static Uri PublicUrl(HttpContext context, BridgeOptions options) =>
        options.PublicUrl ?? new Uri($"{context.Request.Scheme}://{context.Request.Host.Value}/");

    private static string Who(HttpContext context) => DashboardPrincipal.Actor(context).Described;

    private static Uri? ApiRoot(Microsoft.Extensions.Primitives.StringValues? given) =>
        Uri.TryCreate(given?.ToString().Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
