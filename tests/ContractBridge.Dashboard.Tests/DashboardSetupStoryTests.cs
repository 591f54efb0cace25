using System.Globalization;
using System.Text.RegularExpressions;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContractBridge.Dashboard.Tests;

/// <summary>
/// What a sales-ops admin does in the browser, against the real service and both simulators: dry-run a deal found by
/// its name, move it in Kommo, and find its launch in the dashboard and in the deal's story.
/// </summary>
public sealed class DashboardSetupStoryTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    private const string AdminToken = "browser-story-admin-token-42";

    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task AnAdmin_DryRunsADealFoundByName_MovesIt_AndFindsItsLaunchInItsStory()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Dashboard:AdminToken"] = AdminToken,
        });
        var lead = bridge.Account.AddDeal("Pied Piper compression licence", email: "richard@piedpiper.example", contactName: "Richard Hendricks");
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = bridge.Url.ToString() });
        var page = await context.NewPageAsync();
        await DashboardLogin.SignInAsync(page, AdminToken);
        await Screenshots.SaveAsync(page, "overview");

        // The dry run: the deal found by words of its name, the sales rule chosen, every attribute shown, nothing launched.
        await page.GetByRole(AriaRole.Link, new() { Name = "Dry run", Exact = true }).ClickAsync();
        await page.GetByLabel("Deal (name or number)").FillAsync("pied piper");
        await page.GetByLabel("Rule").SelectOptionAsync("msa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        await page.GetByTestId("preview-matches").GetByRole(AriaRole.Link, new() { Name = "Pied Piper compression licence" }).ClickAsync();
        await Expect(page.GetByTestId("preview-verdict")).ToContainTextAsync("Would launch");
        await Expect(page.Locator("tr[data-attribute='counterpartySignerEmail']")).ToContainTextAsync("richard@piedpiper.example");
        await Screenshots.SaveAsync(page, "dry-run");
        Assert.Empty(bridge.Ironclad.Control.Workflows());

        // The rep moves the deal in Kommo; the launch shows among the contracts under the deal's name.
        bridge.Account.MoveToSendContract(lead);
        var workflow = await Eventually.GetAsync(() => bridge.Ironclad.Control.Workflows().SingleOrDefault(), "the launch");
        // The page is drawn once: open it when the bridge has linked the launch, not merely when Ironclad has it.
        await Eventually.GetAsync(async () => (await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None))?.IroncladNumber, "the link to the launch", explain: bridge.Explain);
        await page.GetByRole(AriaRole.Link, new() { Name = "Contracts", Exact = true }).ClickAsync();
        var row = page.Locator($"tr[data-lead='{lead.ToString(CultureInfo.InvariantCulture)}']");
        await Expect(row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{workflow.IroncladId}$") })).ToBeVisibleAsync(Patiently);

        // The deal's story: the launch job, the webhook that started it, and its contract's state.
        await row.GetByRole(AriaRole.Link, new() { Name = "Pied Piper compression licence" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/deals/{lead}$"));
        await Expect(page.GetByText(workflow.IroncladId).First).ToBeVisibleAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("launch");
        await Screenshots.SaveAsync(page, "deal-story");
    }
}
