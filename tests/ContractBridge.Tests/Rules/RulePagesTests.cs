using System.Globalization;
using System.Net;
using ContractBridge.Audit;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Flows;
using ContractBridge.Rules;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Rules;

/// <summary>
/// Rules made in the browser, over loopback HTTP against the simulators: an admin's rule launches its template for its
/// stage with the mapped attributes; every edit is a version with who and when; an invalid rule or a stale form saves
/// nothing; configured rules and viewers change nothing; a second instance on the same database follows without restart.
/// </summary>
public sealed class RulePagesTests
{
    private const string Name = "partners-nda";

    [Fact]
    public async Task AnAdminsRule_LaunchesItsTemplateWithTheMappedAttributes_AndEachEditIsAVersion()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration);
        using var admin = new DashboardClient(bridge);
        await admin.LoginAsync(DashboardClient.AdminToken);
        var stage = bridge.Account.Partners.StatusId("Send NDA");

        var blank = await admin.GetPageAsync("/rules/new");
        Assert.Contains($"value=\"{bridge.Account.Partners.Id}:{stage}\"", blank, StringComparison.Ordinal);
        Assert.Contains("<option value=\"NDA\"", blank, StringComparison.Ordinal);
        using var refreshed = await admin.PostFormAsync("/rules", DashboardClient.Csrf(blank), NdaForm(bridge, basedOn: 0, "refresh", terms: null));
        var form = await refreshed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Contains("data-attribute=\"counterpartySignerEmail\"", form, StringComparison.Ordinal);
        Assert.Contains("<td>email</td>", Row(form, "counterpartySignerEmail"), StringComparison.Ordinal);
        Assert.Contains("<td>required</td>", Row(form, "counterpartySignerEmail"), StringComparison.Ordinal);
        Assert.Contains("<td>number</td>", Row(form, "termMonths"), StringComparison.Ordinal);
        Assert.DoesNotContain("<td>required</td>", Row(form, "termMonths"), StringComparison.Ordinal);
        Assert.Null(await Store(bridge).LatestAsync(Name, CancellationToken.None));

        using var created = await admin.PostFormAsync("/rules", DashboardClient.Csrf(form), NdaForm(bridge, basedOn: 0, "save", terms: "36"));
        Assert.Equal((HttpStatusCode.Redirect, $"/rules/{Name}?notice=saved"), (created.StatusCode, created.Headers.Location?.OriginalString));
        var lead = bridge.Account.AddDeal("Initech", pipelineId: bridge.Account.Partners.Id, statusId: bridge.Account.Partners.StatusId("Intro"), contactName: "Peter Gibbons", email: "peter@initech.example");
        bridge.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [lead], StatusId = stage, PipelineId = bridge.Account.Partners.Id });

        var workflow = await Eventually.GetAsync(() => bridge.Ironclad.Control.Workflows().FirstOrDefault(), "the NDA's workflow", explain: bridge.Explain);
        Assert.Equal("NDA", workflow.TemplateName);
        Assert.Equal(("Initech Ltd", "Peter Gibbons", "peter@initech.example"), ((string?)workflow.Attributes["counterpartyName"], (string?)workflow.Attributes["counterpartySignerName"], (string?)workflow.Attributes["counterpartySignerEmail"]));
        Assert.Equal(36m, workflow.Attributes["termMonths"]!.GetValue<decimal>());

        var page = await admin.GetPageAsync($"/rules/{Name}");
        Assert.Contains("name=\"basedOn\" value=\"1\"", page, StringComparison.Ordinal);
        Assert.Contains("Version 1, saved by admin", page, StringComparison.Ordinal);
        using var edited = await admin.PostFormAsync($"/rules/{Name}", DashboardClient.Csrf(page), NdaForm(bridge, basedOn: 1, "save", terms: "48"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        using var stale = await admin.PostFormAsync($"/rules/{Name}", DashboardClient.Csrf(page), NdaForm(bridge, basedOn: 1, "save", terms: "60"));
        var history = await admin.GetPageAsync($"/rules/{Name}/history");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed since version 1 was opened", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("data-version=\"2\"", history, StringComparison.Ordinal);
        Assert.Contains("Mapping.termMonths: \"36\" \u2192 \"48\"", WebUtility.HtmlDecode(history), StringComparison.Ordinal);
        Assert.Contains("<td>admin</td>", history, StringComparison.Ordinal);
        Assert.Equal(48, int.Parse(bridge.App.Services.GetRequiredService<RuleBook>().Find(Name)!.Mapping!["termMonths"], CultureInfo.InvariantCulture));
        var audit = await bridge.App.Services.GetRequiredService<IAuditLog>().ListAsync(10, CancellationToken.None);
        Assert.Equal(2, audit.Count(e => e.Action == AuditActions.RuleSave && e.Detail.StartsWith($"rule '{Name}'", StringComparison.Ordinal)));
        Assert.Contains(bridge.Account.Partners.Id.ToString(CultureInfo.InvariantCulture), await admin.GetPageAsync("/rules"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidMapping_Is400ListingEveryProblem_AndSavesNothing()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var admin = new DashboardClient(bridge);
        await admin.LoginAsync(DashboardClient.AdminToken);
        var fields = NdaForm(bridge, basedOn: 0, "save", terms: null)
            .Where(f => f.Key is not ("expr:counterpartySignerEmail" or "expr:counterpartyName"))
            .Append(new("expr:counterpartySignerEmail", "lead.price"))
            .Append(new("expr:counterpartyName", "company.name ?? 'unclosed"));

        using var refused = await admin.PostFormAsync("/rules", DashboardClient.Csrf(await admin.GetPageAsync("/rules/new")), fields);
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("data-testid=\"rule-problems\"", page, StringComparison.Ordinal);
        Assert.Contains("attribute counterpartySignerEmail: is a email", page, StringComparison.Ordinal);
        Assert.Contains("attribute counterpartyName: the mapping", page, StringComparison.Ordinal);
        Assert.Null(await Store(bridge).LatestAsync(Name, CancellationToken.None));
        Assert.Null(bridge.App.Services.GetRequiredService<RuleBook>().Find(Name));
    }

    [Fact]
    public async Task AConfiguredRule_IsReadOnly_AndAViewerChangesNothing()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.WithViewer, registerWebhooks: false);
        using var admin = new DashboardClient(bridge);
        await admin.LoginAsync(DashboardClient.AdminToken);
        using var created = await admin.PostFormAsync("/rules", DashboardClient.Csrf(await admin.GetPageAsync("/rules/new")), NdaForm(bridge, basedOn: 0, "save", terms: null));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var configured = await admin.GetPageAsync("/rules/msa");
        var msaForm = NdaForm(bridge, basedOn: 0, "save", terms: null).Where(f => f.Key != "name").Append(new("name", "msa"));
        using var editConfigured = await admin.PostFormAsync("/rules/msa", DashboardClient.Csrf(configured), NdaForm(bridge, basedOn: 1, "save", terms: null));
        using var takeItsName = await admin.PostFormAsync("/rules", DashboardClient.Csrf(configured), msaForm);
        using var viewer = new DashboardClient(bridge);
        await viewer.LoginAsync(DashboardClient.ViewerToken);
        var list = await viewer.GetPageAsync("/rules");
        var stored = await viewer.GetPageAsync($"/rules/{Name}");
        using var viewerEdit = await viewer.PostFormAsync($"/rules/{Name}", DashboardClient.Csrf(list), NdaForm(bridge, basedOn: 1, "save", terms: "12"));
        using var viewerDelete = await viewer.PostFormAsync($"/rules/{Name}/delete", DashboardClient.Csrf(list), [new("basedOn", "1")]);
        using var viewerNew = await viewer.GetAsync("/rules/new");

        Assert.Contains("data-testid=\"read-only\"", configured, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"rule-form\"", configured, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (editConfigured.StatusCode, takeItsName.StatusCode));
        Assert.Contains("read-only here", await takeItsName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("data-source=\"configured\"", list, StringComparison.Ordinal);
        Assert.Contains("configuration (read-only)", list, StringComparison.Ordinal);
        Assert.DoesNotContain("/rules/new", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" action=\"/rules", stored, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (viewerEdit.StatusCode, viewerDelete.StatusCode, viewerNew.StatusCode));
        var latest = (await Store(bridge).LatestAsync(Name, CancellationToken.None))!;
        Assert.Equal((1, false), (latest.Version, latest.Deleted));
        Assert.Null(await Store(bridge).LatestAsync("msa", CancellationToken.None));
    }

    [Fact]
    public async Task ADeletion_IsAVersion_AndTakesTheRuleOutOfForce()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var admin = new DashboardClient(bridge);
        await admin.LoginAsync(DashboardClient.AdminToken);
        using var created = await admin.PostFormAsync("/rules", DashboardClient.Csrf(await admin.GetPageAsync("/rules/new")), NdaForm(bridge, basedOn: 0, "save", terms: null));
        var page = await admin.GetPageAsync($"/rules/{Name}");

        using var deleted = await admin.PostFormAsync($"/rules/{Name}/delete", DashboardClient.Csrf(page), [new("basedOn", "1")]);
        using var again = await admin.PostFormAsync($"/rules/{Name}/delete", DashboardClient.Csrf(page), [new("basedOn", "1")]);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.NotFound), (deleted.StatusCode, again.StatusCode));
        Assert.Null(bridge.App.Services.GetRequiredService<RuleBook>().Find(Name));
        Assert.Contains("<td>deleted</td>", await admin.GetPageAsync($"/rules/{Name}/history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondInstanceOnTheSameDatabase_FollowsANewRule_WithoutRestart()
    {
        await using var database = await PostgresDatabase.CreateAsync(PostgresDatabase.ResolveServer(null), CancellationToken.None);
        await using var first = await BridgeHarness.StartAsync(registerWebhooks: false, configuration: _ => Shared(database, "first"));
        await using var second = await BridgeHarness.StartAsync(registerWebhooks: false, configuration: _ => Shared(database, "second"));
        using var admin = new DashboardClient(first);
        await admin.LoginAsync(DashboardClient.AdminToken);
        var secondRules = second.App.Services.GetRequiredService<RuleBook>();
        Assert.Null(secondRules.Find(Name));

        using var created = await admin.PostFormAsync("/rules", DashboardClient.Csrf(await admin.GetPageAsync("/rules/new")), NdaForm(first, basedOn: 0, "save", terms: "18"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.NotNull(first.App.Services.GetRequiredService<RuleBook>().Find(Name));

        // Within a few refresh intervals (200 ms here): the deadline is generous for a loaded host, and the test polls.
        await Eventually.TrueAsync(() => secondRules.Find(Name) is not null, "the second instance reading the new rule", TimeSpan.FromSeconds(10));
        Assert.Equal("18", secondRules.Find(Name)!.Mapping!["termMonths"]);
        Assert.Equal(["msa", Name], secondRules.Rules.Select(r => r.Name));
    }

    /// <summary>The mapping editor's row of one attribute.</summary>
    private static string Row(string page, string attribute)
    {
        var start = page.IndexOf($"data-attribute=\"{attribute}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The mapping editor has no row for {attribute}.");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static IRuleStore Store(BridgeHarness bridge) => bridge.App.Services.GetRequiredService<IRuleStore>();

    private static Dictionary<string, string?> Shared(PostgresDatabase database, string instance) => new()
    {
        ["ContractBridge:Postgres"] = database.ConnectionString,
        ["ContractBridge:Secrets:MasterKey"] = BridgeHarness.MasterKey,
        ["ContractBridge:Jobs:InstanceId"] = instance,
        ["ContractBridge:Dashboard:AdminToken"] = DashboardClient.AdminToken,
        ["ContractBridge:StoredRules:RefreshInterval"] = "00:00:00.200",
    };

    /// <summary>The form as the new-rule page sends it for the NDA on the Partners pipeline's "Send NDA" stage.</summary>
    private static List<KeyValuePair<string, string>> NdaForm(BridgeHarness bridge, int basedOn, string action, string? terms)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("name", Name),
            new("basedOn", basedOn.ToString(CultureInfo.InvariantCulture)),
            new("action", action),
            new("trigger", $"{bridge.Account.Partners.Id}:{bridge.Account.Partners.StatusId("Send NDA")}"),
            new("template", "NDA"),
            new("currency", string.Empty),
            new("signature.note", "on"),
            new("signature.task", "on"),
            new("signature.taskDueDays", "3"),
            new("nudge.after", "5.00:00:00"),
            new("executed.moveToWon", "on"),
            new("closedWonStageId", "142"),
            new("executed.note", "on"),
            new("executed.attachDocument", "on"),
            new("executed.renewalTaskDaysBefore", "60"),
            new("cancelled.note", "on"),
            new("cancelled.moveToStageId", string.Empty),
            new("cancelled.lossReasonId", string.Empty),
            new("dealLost.action", "None"),
            new("dealLost.comment", "on"),
            new("syncEdits", "on"),
            new("map:counterpartyName", string.Empty),
            new("expr:counterpartyName", "company.name ?? contact.name"),
            new("map:counterpartySignerName", "contact.name"),
            new("expr:counterpartySignerName", string.Empty),
            new("map:counterpartySignerEmail", "contact.email"),
            new("expr:counterpartySignerEmail", string.Empty),
            new("map:kommoLeadId", "lead.id"),
            new("expr:kommoLeadId", string.Empty),
        };
        if (terms is not null)
        {
            fields.Add(new("expr:termMonths", terms));
        }

        return fields;
    }
}
