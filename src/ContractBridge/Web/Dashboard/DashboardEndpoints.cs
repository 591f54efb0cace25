using System.Globalization;
using ContractBridge.Audit;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows.Reconcile;
using ContractBridge.Upstream;
using ContractBridge.Upstream.Circuits;
using ContractBridge.Web.Dashboard.Components;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// The operator dashboard: server-rendered pages over the service's database (contracts with their deals, jobs with
/// their errors and a replay button, recent events). Every route but the login form needs a session or a bearer token
/// (see <see cref="DashboardAuthentication"/>): an admin's or a viewer's to read, an admin's to replay; every POST from a
/// browser carries an antiforgery token (see <see cref="DashboardFormCheck"/>).
/// </summary>
public static class DashboardEndpoints
{
    private const int OverviewRows = 20;
    private const int DefaultRows = 200;
    private const int MostRows = 1000;
    private static readonly string[] Statuses = ["pending", "running", "dead", "succeeded"];

    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<DashboardAccess>();
        services.AddSingleton<SecretRedactor>();
        services.AddSingleton<DashboardHtml>();
        services.AddSingleton<DashboardTables>();
        services.AddDashboardAuthentication();
        services.AddRazorComponents();
        return services;
    }

    /// <summary>The gate, then ASP.NET Core's authorization and antiforgery checks, in that order (after routing).</summary>
    public static IApplicationBuilder UseDashboard(this IApplicationBuilder app) =>
        app.UseDashboardGate().UseAuthentication().UseAuthorization().UseAntiforgery();

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        var dashboard = routes.MapGroup(string.Empty).WithMetadata(DashboardEndpointMarker.Instance);
        dashboard.MapGet("/login", LoginFormAsync).AllowAnonymous();
        dashboard.MapPost("/login", LoginAsync).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(DashboardFormCheck.RequireFromDashboardAsync);

        var read = dashboard.MapGroup(string.Empty).RequireAuthorization(DashboardPolicies.Read);
        read.MapGet("/", OverviewAsync);
        read.MapGet("/contracts", ContractsAsync);
        read.MapGet("/jobs", JobsAsync);
        read.MapGet("/jobs/{id:long}", JobAsync);
        read.MapGet("/events", EventsAsync);
        read.MapGet("/audit", AuditAsync);

        var forms = dashboard.MapGroup(string.Empty).WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(DashboardFormCheck.RequireFromDashboardAsync);
        forms.MapPost("/logout", LogoutAsync).RequireAuthorization(DashboardPolicies.Read);
        var change = forms.MapGroup(string.Empty).RequireAuthorization(DashboardPolicies.Change);
        change.MapPost("/jobs/{id:long}/replay", ReplayAsync);
        change.MapPost("/jobs/replay-dead", ReplayAllDeadAsync);
        dashboard.MapGroup(string.Empty).RequireAuthorization(DashboardPolicies.Change).MapDealPreviewPage();
        ContractBridge.Web.Rules.RuleEndpoints.MapRules(dashboard);
        return routes;
    }

    private static async Task<IResult> LoginFormAsync(HttpContext context, DashboardHtml html)
    {
        var signedIn = await context.AuthenticateAsync(DashboardSchemes.Either);
        if (signedIn.Succeeded)
        {
            return Results.Redirect("/");
        }

        return context.Items[typeof(LoginRefusal)] is LoginRefusal refusal
            ? refusal.Answer(context, html, withForm: true)
            : html.Page(context, "Log in", LoginPage.Body(html, context, null), session: null);
    }

    private static async Task<IResult> LoginAsync(HttpContext context, DashboardAccess access, DashboardHtml html, IAuditLog audit)
    {
        if (await DashboardForms.TryReadAsync(context.Request, context.RequestAborted) is not { } form)
        {
            return html.Problem(context, StatusCodes.Status400BadRequest, "Bad request", "Log in with the form: the token must be sent as a form field.", null);
        }

        var check = access.CheckToken(context, form["token"]);
        if (check.Refusal is { } refusal)
        {
            return refusal.Answer(context, html, withForm: true);
        }

        if (check.Role is not { } role || access.Stamp(role) is not { } stamp)
        {
            return html.Page(context, "Log in", LoginPage.Body(html, context, "That is not the admin token."), session: null, StatusCodes.Status401Unauthorized);
        }

        await context.SignInAsync(DashboardSchemes.Cookie, DashboardPrincipal.Create(role, stamp, DashboardSchemes.Cookie));
        await audit.RecordAsync(DashboardPrincipal.Actor(context, role), AuditActions.Login, $"signed in as {role}", context.RequestAborted);
        return Results.Redirect("/", permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IAuditLog audit)
    {
        await context.SignOutAsync(DashboardSchemes.Cookie);
        await audit.RecordAsync(DashboardPrincipal.Actor(context), AuditActions.Logout, "signed out", context.RequestAborted);
        return Results.Redirect("/login");
    }

    private static async Task<IResult> OverviewAsync(HttpContext context, IBridgeStore store, IContractLinkStore links, UpstreamCircuits circuits, WebhookHealthCheck webhooks, DashboardHtml html, DashboardTables tables, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        var jobs = await store.CountAsync(cancellationToken);
        var contracts = await links.CountByStateAsync(cancellationToken);
        var dead = await store.ListAsync(JobStatus.Dead, OverviewRows, cancellationToken);
        var waiting = (await store.ListAsync(JobStatus.Pending, OverviewRows, cancellationToken)).Concat(await store.ListAsync(JobStatus.Running, OverviewRows, cancellationToken)).ToList();
        var body = OverviewPage.Body(
            html,
            jobs,
            contracts,
            tables.Jobs(dead, session, "No dead jobs."),
            jobs.Dead > 0 && session.MayChange ? html.PostButton("/jobs/replay-dead", $"Replay all {jobs.Dead} dead job(s)", session, "replay-all-dead") : string.Empty,
            tables.Jobs(waiting, session, "Nothing is waiting."),
            tables.Contracts(await links.ListAsync(OverviewRows, cancellationToken)),
            tables.Events(await store.ListRecentEventsAsync(OverviewRows, cancellationToken)),
            UpstreamStatusLines.Render(html, circuits.Snapshot(), await UpstreamJobsWaiting.CountAsync(store, cancellationToken))
                + WebhookStatusLines.Render(html, await webhooks.LastAsync(cancellationToken)));
        return html.Page(context, "Overview", body, session);
    }

    private static async Task<IResult> ContractsAsync(HttpContext context, IContractLinkStore links, DashboardHtml html, DashboardTables tables, string? limit, CancellationToken cancellationToken)
    {
        if (ReadLimit(limit) is not { } rows)
        {
            return await BadLimitAsync(context, html);
        }

        var list = await links.ListAsync(rows, cancellationToken);
        return html.Page(context, "Contracts", $"<h1>Contracts</h1><p class=\"muted\">Newest first; {list.Count} shown.</p>{tables.Contracts(list)}", await DashboardSession.OfAsync(context));
    }

    private static async Task<IResult> JobsAsync(HttpContext context, IBridgeStore store, DashboardHtml html, DashboardTables tables, string? status, string? limit, string? notice, string? count, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        if (ReadLimit(limit) is not { } rows)
        {
            return await BadLimitAsync(context, html);
        }

        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            return html.Problem(context, StatusCodes.Status400BadRequest, "Bad request", $"status must be one of: {string.Join(", ", Statuses)}.", session);
        }

        var counts = await store.CountAsync(cancellationToken);
        var banner = notice == "replayed-all" && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var replayed)
            ? $"<p class=\"notice\" data-testid=\"notice\">{replayed} dead job(s) queued again.</p>"
            : string.Empty;
        var body = status is null
            ? JobsPage.All(html, tables, session, counts, await store.ListAsync(JobStatus.Dead, rows, cancellationToken), await store.ListAsync(JobStatus.Pending, rows, cancellationToken), await store.ListAsync(JobStatus.Running, rows, cancellationToken))
            : JobsPage.One(tables, session, status, await store.ListAsync(Enum.Parse<JobStatus>(status, ignoreCase: true), rows, cancellationToken));
        return html.Page(context, "Jobs", banner + body, session);
    }

    private static async Task<IResult> JobAsync(HttpContext context, IBridgeStore store, DashboardHtml html, long id, string? notice, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        var job = await store.GetAsync(id, cancellationToken);
        if (job is null)
        {
            return html.Problem(context, StatusCodes.Status404NotFound, "No such job", $"There is no job {id}.", session);
        }

        var deaths = await store.ListDeadLettersAsync(id, cancellationToken);
        return html.Page(context, $"Job {id}", JobPage.Body(html, session, job, deaths, replayed: notice == "replayed"), session);
    }

    private static async Task<IResult> ReplayAsync(HttpContext context, IBridgeStore store, DashboardHtml html, IAuditLog audit, TimeProvider time, long id, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        if (await store.ReplayAsync(id, time.GetUtcNow(), cancellationToken))
        {
            await audit.RecordAsync(DashboardPrincipal.Actor(context), AuditActions.Replay, $"job {id.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
            return Results.Redirect($"/jobs/{id.ToString(CultureInfo.InvariantCulture)}?notice=replayed");
        }

        var job = await store.GetAsync(id, cancellationToken);
        return job is null
            ? html.Problem(context, StatusCodes.Status404NotFound, "No such job", $"There is no job {id}.", session)
            : html.Problem(context, StatusCodes.Status409Conflict, "Not replayed", $"Job {id} is {job.Status.ToString().ToLowerInvariant()}, not dead: only dead jobs can be replayed.", session);
    }

    private static async Task<IResult> ReplayAllDeadAsync(HttpContext context, IBridgeStore store, IAuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var count = await store.ReplayAllDeadAsync(time.GetUtcNow(), cancellationToken);
        await audit.RecordAsync(DashboardPrincipal.Actor(context), AuditActions.ReplayAllDead, $"{count.ToString(CultureInfo.InvariantCulture)} dead job(s)", cancellationToken);
        return Results.Redirect($"/jobs?notice=replayed-all&count={count.ToString(CultureInfo.InvariantCulture)}");
    }

    private static async Task<IResult> EventsAsync(HttpContext context, IBridgeStore store, DashboardHtml html, DashboardTables tables, string? limit, CancellationToken cancellationToken)
    {
        if (ReadLimit(limit) is not { } rows)
        {
            return await BadLimitAsync(context, html);
        }

        var events = await store.ListRecentEventsAsync(rows, cancellationToken);
        return html.Page(context, "Events", $"<h1>Recent events</h1><p class=\"muted\">Webhooks as stored, newest first; {events.Count} shown.</p>{tables.Events(events)}", await DashboardSession.OfAsync(context));
    }

    private static async Task<IResult> AuditAsync(HttpContext context, IAuditLog audit, DashboardHtml html, string? limit, CancellationToken cancellationToken)
    {
        if (ReadLimit(limit) is not { } rows)
        {
            return await BadLimitAsync(context, html);
        }

        return DashboardPages.Render<AuditPage>(new { Entries = await audit.ListAsync(rows, cancellationToken), Session = await DashboardSession.OfAsync(context) });
    }

    private static int? ReadLimit(string? limit) =>
        limit is null ? DefaultRows
        : int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) && rows is >= 1 and <= MostRows ? rows
        : null;

    private static async Task<IResult> BadLimitAsync(HttpContext context, DashboardHtml html) =>
        html.Problem(context, StatusCodes.Status400BadRequest, "Bad request", $"limit must be a whole number from 1 to {MostRows}.", await DashboardSession.OfAsync(context));
}
