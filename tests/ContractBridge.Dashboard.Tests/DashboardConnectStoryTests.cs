using System.Globalization;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContractBridge.Dashboard.Tests;

/// <summary>
/// From a configuration that names neither Kommo nor Ironclad, as an admin does it in the browser: see both "not
/// connected", connect both at /setup, go live, move a deal in the simulator, and find its launch among the contracts.
/// </summary>
public sealed class DashboardConnectStoryTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    private const string AdminToken = "browser-connect-admin-token-42";

    [Fact]
    public async Task FromABlankConfiguration_AnAdminConnectsBoth_GoesLive_AndTheNextDealLaunches()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false, configuration: _ => BridgeHarness.Unconnected(new Dictionary<string, string?>
        {
            ["ContractBridge:Dashboard:AdminToken"] = AdminToken,
        }));
        var ironclad = new IroncladSimulatorOptions();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = bridge.Url.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Admin token").FillAsync(AdminToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.Locator("li[data-service='kommo']")).ToContainTextAsync("not connected");

        await page.GetByRole(AriaRole.Link, new() { Name = "Setup", Exact = true }).ClickAsync();
        await page.GetByLabel("API root", new() { Exact = true }).FillAsync(new Uri(bridge.Kommo.BaseUrl, "/api/v4").ToString());
        await page.GetByLabel("Long-lived token").FillAsync(bridge.Kommo.Options.LongLivedToken);
        await page.GetByTestId("kommo-connect").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Kommo is connected");

        await page.GetByLabel("Region").SelectOptionAsync("custom");
        await page.GetByLabel("Custom API root", new() { Exact = true }).FillAsync(new Uri(bridge.Ironclad.BaseUrl, "/public/api/v1").ToString());
        await page.GetByLabel("API key", new() { Exact = true }).FillAsync(ironclad.ApiKey);
        await page.GetByLabel("Launch as (email)").FillAsync(ironclad.Users[0].Email);
        await page.GetByTestId("ironclad-connect").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Ironclad is connected");
        await Expect(page.GetByTestId("ironclad-state")).ToContainTextAsync("Connected to");

        await page.GetByTestId("go-live").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("the bridge is live");
        await Expect(page.Locator("li[data-service='kommo'][data-state='registered']")).ToBeVisibleAsync();
        await Expect(page.Locator("li[data-service='ironclad'][data-state='registered']")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync(bridge.Kommo.Options.LongLivedToken);
        await Screenshots.SaveAsync(page, "setup");

        var lead = bridge.Account.AddDeal("Hooli connected-later licence", email: "gavin@hooli.example", contactName: "Gavin Belson");
        bridge.Account.MoveToSendContract(lead);
        var workflow = await Eventually.GetAsync(() => bridge.Ironclad.Control.Workflows().SingleOrDefault(), "the launch", explain: bridge.Explain);
        // The page is drawn once: open it when the bridge has linked the launch, not merely when Ironclad has it.
        await Eventually.GetAsync(async () => (await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None))?.IroncladNumber, "the link to the launch", explain: bridge.Explain);
        await page.GetByRole(AriaRole.Link, new() { Name = "Contracts", Exact = true }).ClickAsync();
        var row = page.Locator($"tr[data-lead='{lead.ToString(CultureInfo.InvariantCulture)}']");
        await Expect(row).ToContainTextAsync(workflow.IroncladId);
    }
}
