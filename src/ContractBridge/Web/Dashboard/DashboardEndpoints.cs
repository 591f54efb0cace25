using System.Globalization;
using ContractBridge.Audit;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows.Reconcile;
using ContractBridge.Flows.Story;
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
    private static readonly string[] Statuses = ["pending", "running", "dead", "succeeded"];

    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<DashboardAccess>();
        services.AddSingleton<DashboardCounts>();
        services.AddSingleton<SecretRedactor>();
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
        // Cast: a handler taking only the HttpContext would otherwise bind as a RequestDelegate and its answer be dropped.
        dashboard.MapGet("/login", (Func<HttpContext, Task<IResult>>)LoginFormAsync).AllowAnonymous();
        dashboard.MapPost("/login", LoginAsync).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(DashboardFormCheck.RequireFromDashboardAsync);

        var read = dashboard.MapGroup(string.Empty).RequireAuthorization(DashboardPolicies.Read);
        read.MapGet("/", OverviewAsync);
        read.MapGet("/contracts", ContractsEndpoint.ShowAsync);
        read.MapGet("/deals/{leadId:long}", DealEndpoint.ShowAsync);
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
        ContractBridge.Web.Setup.SetupEndpoints.MapSetup(dashboard);
        return routes;
    }

    private static async Task<IResult> LoginFormAsync(HttpContext context)
    {
        var signedIn = await context.AuthenticateAsync(DashboardSchemes.Either);
        if (signedIn.Succeeded)
        {
            return Results.Redirect("/");
        }

        return context.Items[typeof(LoginRefusal)] is LoginRefusal refusal
            ? refusal.Answer(context, withForm: true)
            : LoginPage.For(context, problem: null);
    }

    private static async Task<IResult> LoginAsync(HttpContext context, DashboardAccess access, IAuditLog audit)
    {
        if (await DashboardForms.TryReadAsync(context.Request, context.RequestAborted) is not { } form)
        {
            return DashboardPages.Problem(StatusCodes.Status400BadRequest, "Bad request", "Log in with the form: the token must be sent as a form field.", null);
        }

        var check = access.CheckToken(context, form["token"]);
        if (check.Refusal is { } refusal)
        {
            return refusal.Answer(context, withForm: true);
        }

        if (check.Role is not { } role || access.Stamp(role) is not { } stamp)
        {
            return LoginPage.For(context, "That is not the admin token.", StatusCodes.Status401Unauthorized);
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

    private static async Task<IResult> OverviewAsync(
        HttpContext context, IBridgeStore store, IContractLinkStore links, DashboardCounts totals, EventDeals events, UpstreamCircuits circuits, WebhookHealthCheck webhooks, ContractBridge.Setup.UpstreamConnections connections, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        var counts = await totals.GetAsync(cancellationToken);
        var waiting = (await store.ListAsync(JobStatus.Pending, OverviewRows, cancellationToken)).Concat(await store.ListAsync(JobStatus.Running, OverviewRows, cancellationToken)).ToList();
        return DashboardPages.Render<OverviewPage>(new
        {
            Session = session,
            Jobs = counts.Jobs,
            Contracts = counts.Contracts,
            Circuits = circuits.Snapshot(),
            NotConnected = connections.NotConnectedServices,
            UpstreamWaiting = await UpstreamJobsWaiting.CountAsync(store, cancellationToken),
            Webhooks = await webhooks.LastAsync(cancellationToken),
            Dead = await store.ListAsync(JobStatus.Dead, OverviewRows, cancellationToken),
            Waiting = waiting,
            RecentContracts = await links.ListAsync(OverviewRows, cancellationToken),
            Events = await events.ListRecentAsync(OverviewRows, cancellationToken),
        });
    }

    private static async Task<IResult> JobsAsync(HttpContext context, IBridgeStore store, DashboardCounts totals, string? status, string? limit, string? notice, string? count, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        if (ReadLimit(limit) is not { } rows)
        {
            return await BadLimitAsync(context);
        }

        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            return DashboardPages.Problem(StatusCodes.Status400BadRequest, "Bad request", $"status must be one of: {string.Join(", ", Statuses)}.", session);
        }

        var counts = (await totals.GetAsync(cancellationToken)).Jobs;
        int? replayed = notice == "replayed-all" && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var queued) ? queued : null;
        return status is null
            ? DashboardPages.Render<JobsPage>(new
            {
                Session = session,
                Counts = counts,
                ReplayedAll = replayed,
                Dead = await store.ListAsync(JobStatus.Dead, rows, cancellationToken),
                Pending = await store.ListAsync(JobStatus.Pending, rows, cancellationToken),
                Running = await store.ListAsync(JobStatus.Running, rows, cancellationToken),
            })
            : DashboardPages.Render<JobsPage>(new
            {
                Session = session,
                Counts = counts,
                ReplayedAll = replayed,
                Status = status,
                Chosen = await store.ListAsync(Enum.Parse<JobStatus>(status, ignoreCase: true), rows, cancellationToken),
            });
    }

    private static async Task<IResult> JobAsync(HttpContext context, IBridgeStore store, long id, string? notice, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        var job = await store.GetAsync(id, cancellationToken);
        if (job is null)
        {
            return DashboardPages.Problem(StatusCodes.Status404NotFound, "No such job", $"There is no job {id}.", session);
        }

        var deaths = await store.ListDeadLettersAsync(id, cancellationToken);
        return DashboardPages.Render<JobPage>(new { Job = job, Deaths = deaths, Replayed = notice == "replayed", Session = session });
    }

    private static async Task<IResult> ReplayAsync(HttpContext context, IBridgeStore store, IAuditLog audit, TimeProvider time, long id, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        if (await store.ReplayAsync(id, time.GetUtcNow(), cancellationToken))
        {
            await audit.RecordAsync(DashboardPrincipal.Actor(context), AuditActions.Replay, $"job {id.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
            return Results.Redirect($"/jobs/{id.ToString(CultureInfo.InvariantCulture)}?notice=replayed");
        }

        var job = await store.GetAsync(id, cancellationToken);
        return job is null
            ? DashboardPages.Problem(StatusCodes.Status404NotFound, "No such job", $"There is no job {id}.", session)
            : DashboardPages.Problem(StatusCodes.Status409Conflict, "Not replayed", $"Job {id} is {job.Status.ToString().ToLowerInvariant()}, not dead: only dead jobs can be replayed.", session);
    }

    private static async Task<IResult> ReplayAllDeadAsync(HttpContext context, IBridgeStore store, IAuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var count = await store.ReplayAllDeadAsync(time.GetUtcNow(), cancellationToken);
        await audit.RecordAsync(DashboardPrincipal.Actor(context), AuditActions.ReplayAllDead, $"{count.ToString(CultureInfo.InvariantCulture)} dead job(s)", cancellationToken);
        return Results.Redirect($"/jobs?notice=replayed-all&count={count.ToString(CultureInfo.InvariantCulture)}");
    }

    private static async Task<IResult> EventsAsync(HttpContext context, EventDeals events, string? limit, CancellationToken cancellationToken)
    {
        if (ReadLimit(limit) is not { } rows)
        {
            return await BadLimitAsync(context);
        }

        return DashboardPages.Render<EventsPage>(new { Events = await events.ListRecentAsync(rows, cancellationToken), Session = await DashboardSession.OfAsync(context) });
    }

    private static async Task<IResult> AuditAsync(HttpContext context, IAuditLog audit, string? limit, CancellationToken cancellationToken)
    {
        if (ReadLimit(limit) is not { } rows)
        {
            return await BadLimitAsync(context);
        }

        return DashboardPages.Render<AuditPage>(new { Entries = await audit.ListAsync(rows, cancellationToken), Session = await DashboardSession.OfAsync(context) });
    }

    private static int? ReadLimit(string? limit) => DashboardQuery.Limit(limit, DefaultRows);

    private static async Task<IResult> BadLimitAsync(HttpContext context) =>
        DashboardPages.Problem(StatusCodes.Status400BadRequest, "Bad request", DashboardQuery.BadLimit, await DashboardSession.OfAsync(context));
}
