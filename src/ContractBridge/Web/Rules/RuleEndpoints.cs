using System.Globalization;
using ContractBridge.Configuration;
using ContractBridge.Flows;
using ContractBridge.Kommo;
using ContractBridge.Rules;
using ContractBridge.Web.Dashboard;
using ContractBridge.Web.Dashboard.Components;
using Microsoft.AspNetCore.Antiforgery;

namespace ContractBridge.Web.Rules;

/// <summary>
/// The rule pages: <c>/rules</c> lists every rule in force, <c>/rules/{name}</c> shows one (and, to an admin, edits a
/// stored one), <c>/rules/new</c> makes one, <c>/rules/{name}/history</c> lists its versions. Saving and deleting need
/// the change policy and the dashboard's form check (antiforgery token, same origin), as the replay forms do.
/// </summary>
public static class RuleEndpoints
{
    public static RouteGroupBuilder MapRules(this RouteGroupBuilder dashboard)
    {
        var read = dashboard.MapGroup(string.Empty).RequireAuthorization(DashboardPolicies.Read);
        read.MapGet("/rules", ListAsync);
        read.MapGet("/rules/{name}", ShowAsync);
        read.MapGet("/rules/{name}/history", HistoryAsync);
        dashboard.MapGroup(string.Empty).RequireAuthorization(DashboardPolicies.Change).MapGet("/rules/new", NewAsync);

        var change = dashboard.MapGroup(string.Empty)
            .RequireAuthorization(DashboardPolicies.Change)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(DashboardFormCheck.RequireFromDashboardAsync);
        change.MapPost("/rules", CreateAsync);
        change.MapPost("/rules/{name}", SaveAsync);
        change.MapPost("/rules/{name}/delete", DeleteAsync);
        return dashboard;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IOptions<BridgeOptions> options, StoredRules stored, string? notice)
    {
        var session = await DashboardSession.OfAsync(context);
        var rules = stored.Versions.Select(v => (v, Readable(v))).ToList();
        return DashboardPages.Render<RulesPage>(new Dictionary<string, object?>
        {
            ["Session"] = session,
            ["Configured"] = (IReadOnlyList<ContractRule>)options.Value.Rules,
            ["Stored"] = (IReadOnlyList<(RuleVersion, ContractRule?)>)rules,
            ["Notice"] = notice == "deleted" ? "The rule was deleted." : null,
        });
    }

    private static async Task<IResult> NewAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        return Form(session, new ContractRule { Name = string.Empty, Template = string.Empty }, isNew: true, 0, null, await Lists.ReadAsync(context, cancellationToken), [], null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, RuleBook book, IRuleStore store, string name, string? notice, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        var configured = book.IsConfigured(name);
        var latest = configured ? null : await store.LatestAsync(name, cancellationToken);
        var rule = configured ? book.Find(name) : latest is { Deleted: false } ? Readable(latest) : null;
        if (rule is null)
        {
            return DashboardPages.Problem(StatusCodes.Status404NotFound, "No such rule", $"There is no rule named '{name}'.", session);
        }

        var readOnly = configured
            ? "This rule comes from configuration (appsettings or environment variables): it is read-only here."
            : session.MayChange ? null : "Viewers see the rules but change nothing.";
        var shownLists = readOnly is null ? await Lists.ReadAsync(context, cancellationToken) : Lists.None;
        return Form(session, rule, isNew: false, latest?.Version ?? 0, latest, shownLists, [], readOnly, StatusCodes.Status200OK, notice == "saved" ? $"Saved as version {latest?.Version}." : null);
    }

    private static async Task<IResult> HistoryAsync(HttpContext context, IRuleStore store, string name, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        var versions = await store.HistoryAsync(name, cancellationToken);
        return versions.Count == 0
            ? DashboardPages.Problem(StatusCodes.Status404NotFound, "No such rule", $"No rule named '{name}' was ever stored (configured rules have no history here).", session)
            : DashboardPages.Render<RuleHistoryPage>(new Dictionary<string, object?> { ["Session"] = session, ["Name"] = versions[0].Name, ["Versions"] = versions });
    }

    private static Task<IResult> CreateAsync(HttpContext context, RuleEditor editor, CancellationToken cancellationToken) =>
        PostAsync(context, editor, null, cancellationToken);

    private static Task<IResult> SaveAsync(HttpContext context, RuleEditor editor, string name, CancellationToken cancellationToken) =>
        PostAsync(context, editor, name, cancellationToken);

    private static async Task<IResult> PostAsync(HttpContext context, RuleEditor editor, string? name, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        if (await DashboardForms.TryReadAsync(context.Request, cancellationToken) is not { } form)
        {
            return DashboardPages.Problem(StatusCodes.Status400BadRequest, "Bad request", "Save the rule with its form.", session);
        }

        var posted = RuleForm.Read(form, name);
        var isNew = name is null;
        if (posted.Refresh || posted.Problems.Count > 0)
        {
            var status = posted.Refresh ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            return Form(session, posted.Rule, isNew, posted.BasedOn, null, await Lists.ReadAsync(context, cancellationToken), posted.Problems, null, status);
        }

        var outcome = await editor.SaveAsync(posted.Rule, posted.BasedOn, DashboardPrincipal.Actor(context), cancellationToken);
        return outcome switch
        {
            RuleSaveOutcome.Saved saved => Results.Redirect($"/rules/{Uri.EscapeDataString(saved.Version.Name)}?notice=saved"),
            RuleSaveOutcome.Invalid invalid => Form(session, posted.Rule, isNew, posted.BasedOn, null, await Lists.ReadAsync(context, cancellationToken), invalid.Problems, null, StatusCodes.Status400BadRequest),
            _ => Refused(outcome, session),
        };
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, RuleEditor editor, string name, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        var form = await DashboardForms.TryReadAsync(context.Request, cancellationToken);
        if (form is null || !int.TryParse(form["basedOn"], NumberStyles.None, CultureInfo.InvariantCulture, out var basedOn) || basedOn < 1)
        {
            return DashboardPages.Problem(StatusCodes.Status400BadRequest, "Bad request", "Delete the rule with its form: it says which version it was shown (basedOn).", session);
        }

        var outcome = await editor.DeleteAsync(name, basedOn, DashboardPrincipal.Actor(context), cancellationToken);
        return outcome is RuleSaveOutcome.Saved ? Results.Redirect("/rules?notice=deleted") : Refused(outcome, session);
    }

    private static IResult Refused(RuleSaveOutcome outcome, DashboardSession session) => outcome switch
    {
        RuleSaveOutcome.Conflict conflict => DashboardPages.Problem(StatusCodes.Status409Conflict, "Not saved", conflict.Message, session),
        RuleSaveOutcome.ReadOnly readOnly => DashboardPages.Problem(StatusCodes.Status409Conflict, "Read-only rule", readOnly.Message, session),
        RuleSaveOutcome.NotFound notFound => DashboardPages.Problem(StatusCodes.Status404NotFound, "No such rule", notFound.Message, session),
        _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
    };

    private static IResult Form(DashboardSession session, ContractRule rule, bool isNew, int basedOn, RuleVersion? version, RuleFormLists lists, IReadOnlyList<string> problems, string? readOnly, int status, string? notice = null) =>
        DashboardPages.Render<RuleEditPage>(
            new Dictionary<string, object?>
            {
                ["Session"] = session,
                ["Rule"] = rule,
                ["IsNew"] = isNew,
                ["BasedOn"] = basedOn,
                ["Version"] = version,
                ["Lists"] = lists,
                ["Problems"] = problems,
                ["ReadOnlyReason"] = readOnly,
                ["Notice"] = notice,
            },
            status);

    private static ContractRule? Readable(RuleVersion version)
    {
        try
        {
            return version.RuleJson is { } json ? RuleJson.Read(json) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The form's live lists, read per request (pipelines and templates come from the services' caches).</summary>
    private static class Lists
    {
        public static readonly RuleFormLists None = new([], [], [], null);

        public static Task<RuleFormLists> ReadAsync(HttpContext context, CancellationToken cancellationToken)
        {
            var services = context.RequestServices;
            return RuleFormLists.ReadAsync(services.GetRequiredService<KommoDirectory>(), services.GetRequiredService<KommoClient>(), services.GetRequiredService<TemplateCatalog>(), cancellationToken);
        }
    }
}
