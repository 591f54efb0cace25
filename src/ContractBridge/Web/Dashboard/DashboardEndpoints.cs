using System.Globalization;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows.Reconcile;
using ContractBridge.Upstream;
using ContractBridge.Upstream.Circuits;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// The operator dashboard: server-rendered pages over the service's database (contracts with their deals, jobs with
/// their errors and a replay button, recent events). Every route but the login form needs an admin session (see
/// <see cref="DashboardAccess"/>); every POST from a cookie session carries the session's CSRF token.
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
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        var login = routes.MapGroup(string.Empty).AddEndpointFilter(DashboardFilters.RequireEnabledAsync);
        login.MapGet("/login", LoginForm);
        login.MapPost("/login", LoginAsync);

        var admin = routes.MapGroup(string.Empty).AddEndpointFilter(DashboardFilters.RequireAdminAsync);
        admin.MapPost("/logout", Logout);
        admin.MapGet("/", OverviewAsync);
        admin.MapGet("/contracts", ContractsAsync);
        admin.MapGet("/jobs", JobsAsync);
        admin.MapGet("/jobs/{id:long}", JobAsync);
        admin.MapPost("/jobs/{id:long}/replay", ReplayAsync);
        admin.MapPost("/jobs/replay-dead", ReplayAllDeadAsync);
        admin.MapGet("/events", EventsAsync);
        return routes;
    }

    private static IResult LoginForm(HttpContext context, DashboardAccess access, DashboardHtml html) => access.Authenticate(context) switch
    {
        ({ }, _) => Results.Redirect("/"),
        (_, { } refusal) => refusal.Answer(context, html, withForm: true),
        _ => html.Page(context, "Log in", LoginPage.Body(html, null), session: null),
    };

    private static async Task<IResult> LoginAsync(HttpContext context, DashboardAccess access, DashboardHtml html)
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

        if (!check.Matches)
        {
            return html.Page(context, "Log in", LoginPage.Body(html, "That is not the admin token."), session: null, StatusCodes.Status401Unauthorized);
        }

        access.SignIn(context.Response, context.Request.IsHttps);
        return Results.Redirect("/", permanent: false, preserveMethod: false);
    }

    private static IResult Logout(HttpContext context)
    {
        DashboardAccess.SignOut(context.Response);
        return Results.Redirect("/login");
    }

    private static async Task<IResult> OverviewAsync(HttpContext context, IBridgeStore store, IContractLinkStore links, UpstreamCircuits circuits, WebhookHealthCheck webhooks, DashboardHtml html, DashboardTables tables, CancellationToken cancellationToken)
    {
        var session = context.Session();
        var jobs = await store.CountAsync(cancellationToken);
        var contracts = await links.CountByStateAsync(cancellationToken);
        var dead = await store.ListAsync(JobStatus.Dead, OverviewRows, cancellationToken);
        var waiting = (await store.ListAsync(JobStatus.Pending, OverviewRows, cancellationToken)).Concat(await store.ListAsync(JobStatus.Running, OverviewRows, cancellationToken)).ToList();
        var body = OverviewPage.Body(
            html,
            jobs,
            contracts,
            tables.Jobs(dead, session, "No dead jobs."),
            jobs.Dead > 0 ? html.PostButton("/jobs/replay-dead", $"Replay all {jobs.Dead} dead job(s)", session, "replay-all-dead") : string.Empty,
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
            return BadLimit(context, html);
        }

        var list = await links.ListAsync(rows, cancellationToken);
        return html.Page(context, "Contracts", $"<h1>Contracts</h1><p class=\"muted\">Newest first; {list.Count} shown.</p>{tables.Contracts(list)}", context.Session());
    }

    private static async Task<IResult> JobsAsync(HttpContext context, IBridgeStore store, DashboardHtml html, DashboardTables tables, string? status, string? limit, string? notice, string? count, CancellationToken cancellationToken)
    {
        var session = context.Session();
        if (ReadLimit(limit) is not { } rows)
        {
            return BadLimit(context, html);
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
        var session = context.Session();
        var job = await store.GetAsync(id, cancellationToken);
        if (job is null)
        {
            return html.Problem(context, StatusCodes.Status404NotFound, "No such job", $"There is no job {id}.", session);
        }

        var deaths = await store.ListDeadLettersAsync(id, cancellationToken);
        return html.Page(context, $"Job {id}", JobPage.Body(html, session, job, deaths, replayed: notice == "replayed"), session);
    }

    private static async Task<IResult> ReplayAsync(HttpContext context, IBridgeStore store, DashboardHtml html, TimeProvider time, long id, CancellationToken cancellationToken)
    {
        var session = context.Session();
        if (await store.ReplayAsync(id, time.GetUtcNow(), cancellationToken))
        {
            return Results.Redirect($"/jobs/{id.ToString(CultureInfo.InvariantCulture)}?notice=replayed");
        }

        var job = await store.GetAsync(id, cancellationToken);
        return job is null
            ? html.Problem(context, StatusCodes.Status404NotFound, "No such job", $"There is no job {id}.", session)
            : html.Problem(context, StatusCodes.Status409Conflict, "Not replayed", $"Job {id} is {job.Status.ToString().ToLowerInvariant()}, not dead: only dead jobs can be replayed.", session);
    }

    private static async Task<IResult> ReplayAllDeadAsync(IBridgeStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var count = await store.ReplayAllDeadAsync(time.GetUtcNow(), cancellationToken);
        return Results.Redirect($"/jobs?notice=replayed-all&count={count.ToString(CultureInfo.InvariantCulture)}");
    }

    private static async Task<IResult> EventsAsync(HttpContext context, IBridgeStore store, DashboardHtml html, DashboardTables tables, string? limit, CancellationToken cancellationToken)
    {
        if (ReadLimit(limit) is not { } rows)
        {
            return BadLimit(context, html);
        }

        var events = await store.ListRecentEventsAsync(rows, cancellationToken);
        return html.Page(context, "Events", $"<h1>Recent events</h1><p class=\"muted\">Webhooks as stored, newest first; {events.Count} shown.</p>{tables.Events(events)}", context.Session());
    }

    private static int? ReadLimit(string? limit) =>
        limit is null ? DefaultRows
        : int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) && rows is >= 1 and <= MostRows ? rows
        : null;

    private static IResult BadLimit(HttpContext context, DashboardHtml html) =>
        html.Problem(context, StatusCodes.Status400BadRequest, "Bad request", $"limit must be a whole number from 1 to {MostRows}.", context.Session());

    private static DashboardSession Session(this HttpContext context) => (DashboardSession)context.Items[typeof(DashboardSession)]!;
}
