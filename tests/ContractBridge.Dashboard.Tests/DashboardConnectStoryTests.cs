using System.Globalization;
using System.Text.RegularExpressions;
using ContractBridge.Setup;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContractBridge.Dashboard.Tests;

/// <summary>
/// From a configuration that names neither Kommo nor Ironclad, as an admin does it in the browser: see both "not
/// connected"; connect Kommo by OAuth through the simulator's consent page and Ironclad by OAuth client credentials,
/// each with its health shown; create a rule for the Partners pipeline's NDA and map its attributes; dry-run a deal
/// with it; go live; move the deal in the simulator; and find the launch in that deal's story.
/// </summary>
public sealed class DashboardConnectStoryTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    private const string AdminToken = "browser-connect-admin-token-42";
    private const string RuleName = "partners-nda";

    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task FromABlankConfiguration_AnAdminConnectsBoth_MakesARule_DryRunsIt_GoesLive_AndFindsTheLaunchInTheDealsStory()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false, configuration: account => BridgeHarness.Unconnected(new Dictionary<string, string?>
        {
            ["ContractBridge:Dashboard:AdminToken"] = AdminToken,
            ["ContractBridge:Kommo:AuthorizeUrl"] = new Uri(account.KommoUrl, "/oauth").ToString(),
            ["ContractBridge:Kommo:AccountHosts:0"] = account.KommoUrl.GetLeftPart(UriPartial.Authority),
        }));
        bridge.Kommo.Control.SetRedirectUri(new Uri(bridge.Url, KommoOAuthConnect.CallbackPath));
        var kommo = bridge.Kommo.Options;
        var ironclad = new IroncladSimulatorOptions();
        var lead = bridge.Account.AddDeal("Initech partner NDA", pipelineId: bridge.Account.Partners.Id, statusId: bridge.Account.Partners.StatusId("Intro"), email: "peter@initech.example", contactName: "Peter Gibbons");
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = bridge.Url.ToString() });
        var page = await context.NewPageAsync();
        await DashboardLogin.SignInAsync(page, AdminToken);
        await Expect(page.Locator("li[data-service='kommo']")).ToContainTextAsync("not connected");

        // Kommo by OAuth: the integration's keys, Kommo's consent page, "Allow", and back to /setup connected.
        await page.GetByRole(AriaRole.Link, new() { Name = "Setup", Exact = true }).ClickAsync();
        await page.GetByLabel("Integration ID").FillAsync(kommo.ClientId);
        await page.GetByLabel("Secret key").FillAsync(kommo.ClientSecret);
        await page.GetByTestId("kommo-oauth").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grant access" })).ToBeVisibleAsync();
        Assert.Equal(bridge.Kommo.BaseUrl.Authority, new Uri(page.Url).Authority);
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Kommo is connected by OAuth");
        await Expect(page.GetByTestId("kommo-expiry")).ToContainTextAsync("renewed automatically");
        await Expect(page.Locator("[data-testid='kommo-scopes'][data-state='complete']")).ToBeVisibleAsync();

        // Ironclad by OAuth client credentials, acting as the launching user.
        await page.GetByLabel("Region").SelectOptionAsync("custom");
        await page.GetByLabel("Custom API root", new() { Exact = true }).FillAsync(new Uri(bridge.Ironclad.BaseUrl, "/public/api/v1").ToString());
        await page.GetByTestId("ironclad-auth-oauth").CheckAsync();
        await page.GetByLabel("Client ID").FillAsync(ironclad.OAuthClientId);
        await page.GetByLabel("Client secret").FillAsync(ironclad.OAuthClientSecret);
        await page.GetByLabel("Launch as (email)").FillAsync(ironclad.Users[0].Email);
        await page.GetByTestId("ironclad-connect").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Ironclad is connected");
        await Expect(page.GetByTestId("ironclad-state")).ToContainTextAsync("by OAuth client credentials");
        await Expect(page.GetByTestId("ironclad-expiry")).ToContainTextAsync("expires");
        await Expect(page.Locator("[data-testid='ironclad-scopes'][data-state='complete']")).ToBeVisibleAsync();

        // A rule from the live lists: the Partners pipeline's "Send NDA" stage, the NDA template, its attributes mapped.
        await page.GetByRole(AriaRole.Link, new() { Name = "Rules", Exact = true }).ClickAsync();
        await page.GetByTestId("new-rule").ClickAsync();
        await page.GetByLabel("Name").FillAsync(RuleName);
        await page.GetByLabel("Pipeline and stage").SelectOptionAsync($"{bridge.Account.Partners.Id}:{bridge.Account.Partners.StatusId("Send NDA")}");
        await page.GetByLabel("Template").SelectOptionAsync("NDA");
        await page.GetByTestId("refresh").ClickAsync();
        var signerEmail = page.Locator("tr[data-attribute='counterpartySignerEmail']");
        await Expect(signerEmail).ToContainTextAsync("required");
        await page.Locator("tr[data-attribute='counterpartyName'] input").FillAsync("company.name ?? contact.name");
        await page.Locator("tr[data-attribute='counterpartySignerName'] input").FillAsync("contact.name");
        await signerEmail.Locator("input").FillAsync("contact.email");
        await page.Locator("tr[data-attribute='termMonths'] input").FillAsync("24");
        await Screenshots.SaveAsync(page, "rule");
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("rule-version")).ToContainTextAsync("Version 1, saved by admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rules", Exact = true }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync(RuleName);
        await Screenshots.SaveAsync(page, "rules");

        // The dry run of that rule on the deal, found by its name: the attributes as they would be sent, nothing launched.
        await page.GetByRole(AriaRole.Link, new() { Name = "Dry run", Exact = true }).ClickAsync();
        await page.GetByLabel("Deal (name or number)").FillAsync("initech");
        await page.GetByLabel("Rule").SelectOptionAsync(RuleName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        await page.GetByTestId("preview-matches").GetByRole(AriaRole.Link, new() { Name = "Initech partner NDA" }).ClickAsync();
        await Expect(page.GetByTestId("preview-verdict")).ToContainTextAsync("Would launch");
        await Expect(page.Locator("tr[data-attribute='counterpartySignerEmail']")).ToContainTextAsync("peter@initech.example");
        await Expect(page.Locator("tr[data-attribute='termMonths']")).ToContainTextAsync("24");
        Assert.Empty(bridge.Ironclad.Control.Workflows());

        // Go live: both webhooks registered, then the deal is moved in Kommo and launches.
        await page.GetByRole(AriaRole.Link, new() { Name = "Setup", Exact = true }).ClickAsync();
        await page.GetByTestId("go-live").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("the bridge is live");
        await Expect(page.Locator("li[data-service='kommo'][data-state='registered']")).ToBeVisibleAsync();
        await Expect(page.Locator("li[data-service='ironclad'][data-state='registered']")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync(kommo.ClientSecret);
        await Expect(page.Locator("body")).Not.ToContainTextAsync(ironclad.OAuthClientSecret);
        await Screenshots.SaveAsync(page, "setup");

        bridge.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [lead], StatusId = bridge.Account.Partners.StatusId("Send NDA"), PipelineId = bridge.Account.Partners.Id });
        var workflow = await Eventually.GetAsync(() => bridge.Ironclad.Control.Workflows().SingleOrDefault(), "the launch", explain: bridge.Explain);
        Assert.Equal(("NDA", 24m), (workflow.TemplateName, workflow.Attributes["termMonths"]!.GetValue<decimal>()));
        // The page is drawn once: open it when the bridge has linked the launch, not merely when Ironclad has it.
        await Eventually.GetAsync(async () => (await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None))?.IroncladNumber, "the link to the launch", explain: bridge.Explain);
        await page.GetByRole(AriaRole.Link, new() { Name = "Contracts", Exact = true }).ClickAsync();
        var row = page.Locator($"tr[data-lead='{lead.ToString(CultureInfo.InvariantCulture)}']");
        await Expect(row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{workflow.IroncladId}$") })).ToBeVisibleAsync(Patiently);
        await row.GetByRole(AriaRole.Link, new() { Name = "Initech partner NDA" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/deals/{lead}$"));
        await Expect(page.GetByText(workflow.IroncladId).First).ToBeVisibleAsync();

        // The webhooks received, each naming its deal; the audit log of the connections, the rule and going live.
        await page.GetByRole(AriaRole.Link, new() { Name = "Events", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Initech partner NDA" }).First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "events");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        foreach (var action in new[] { "connect-kommo", "connect-ironclad", "rule-save", "go-live" })
        {
            await Expect(page.Locator($"tr[data-action='{action}']").First).ToBeVisibleAsync();
        }

        await Screenshots.SaveAsync(page, "audit");
    }
}
