using System.Globalization;
using System.Text.RegularExpressions;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Simulators.Common;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContractBridge.Dashboard.Tests;

/// <summary>The dashboard in a real browser, over the real service and both simulators: log in, see a contract, replay a dead job; a viewer sees it all and can replay nothing.</summary>
public sealed class DashboardBrowserTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    private const string AdminToken = "browser-test-admin-token-42";

    private const string ViewerToken = "browser-test-viewer-token-42";

    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task AnAdmin_LogsIn_SeesTheContract_AndReplaysADeadLaunchUntilItsContractExists()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Dashboard:AdminToken"] = AdminToken,
            ["ContractBridge:Jobs:MaxAttempts"] = "2",
        });

        // A contract launched through the simulators.
        var globex = bridge.Account.AddDeal("Globex annual license", email: "dana@globex.example", contactName: "Dana Scully");
        bridge.Account.MoveToSendContract(globex);
        var launched = await Eventually.GetAsync(() => bridge.Ironclad.Control.Workflows().SingleOrDefault(), "the Globex workflow");

        // A launch that dies: Ironclad answers every call with a 5xx until the attempts run out.
        bridge.Ironclad.Control.SetFaults(new FaultProfile { ServerErrorRate = 1.0 });
        var initech = bridge.Account.AddDeal("Initech renewal", email: "peter@initech.example", contactName: "Peter Gibbons");
        bridge.Account.MoveToSendContract(initech);
        var dead = await Eventually.GetAsync(async () => (await bridge.Store.ListAsync(JobStatus.Dead, 10, CancellationToken.None)).SingleOrDefault(j => j.Kind == JobKinds.Launch), "the dead launch");
        bridge.Ironclad.Control.ClearFaults();

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = bridge.Url.ToString() });
        var page = await context.NewPageAsync();

        // Signed out, the dashboard answers with the login form.
        var signedOut = await page.GotoAsync("/");
        Assert.Equal(401, signedOut!.Status);
        await page.GetByLabel("Admin token").FillAsync(AdminToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();

        // The launched contract under its deal's name, with its IC number linking to Ironclad.
        await page.GetByRole(AriaRole.Link, new() { Name = "Contracts", Exact = true }).ClickAsync();
        var contract = page.Locator($"tr[data-lead='{globex.ToString(CultureInfo.InvariantCulture)}']");
        await Expect(contract.GetByRole(AriaRole.Link, new() { Name = "Globex annual license" })).ToHaveAttributeAsync("href", $"/deals/{globex}");
        await Expect(contract.GetByRole(AriaRole.Link, new() { Name = "Kommo", Exact = true })).ToHaveAttributeAsync("href", new Regex($"/leads/detail/{globex}$"));
        await Expect(contract.GetByRole(AriaRole.Link, new() { Name = launched.IroncladId })).ToHaveAttributeAsync("href", new Regex($"/workflows/{launched.Id}$"));

        // The dead job with its error, and its replay button.
        await page.GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).ClickAsync();
        var row = page.Locator($"tr[data-job='{dead.Id.ToString(CultureInfo.InvariantCulture)}']");
        await Expect(row).ToContainTextAsync("dead");
        await Expect(row.Locator("td.error")).ToContainTextAsync("Ironclad");
        await Screenshots.SaveAsync(page, "jobs");
        await row.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync($"Job #{dead.Id} is queued again.");

        // Requeued, it runs again and this time the contract is launched.
        var status = page.GetByTestId("job-status");
        await Eventually.TrueAsync(async () =>
        {
            await page.ReloadAsync();
            return await status.InnerTextAsync() == "succeeded";
        }, "the replayed job to succeed");
        await page.GetByRole(AriaRole.Link, new() { Name = "Contracts", Exact = true }).ClickAsync();
        await Expect(page.Locator($"tr[data-lead='{initech.ToString(CultureInfo.InvariantCulture)}']").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^IC-") })).ToBeVisibleAsync(Patiently);
        await Screenshots.SaveAsync(page, "contracts");
    }

    [Fact]
    public async Task AViewer_LogsIn_SeesTheDeadJob_ButNoReplayButton_AndTheirLoginInTheAuditLog()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false, configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Dashboard:AdminToken"] = AdminToken,
            ["ContractBridge:Dashboard:ViewerToken"] = ViewerToken,
        });
        var dead = await DeadJobs.AddAsync(bridge.Store, "Ironclad answered 503");

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = bridge.Url.ToString() });
        var page = await context.NewPageAsync();
        await DashboardLogin.SignInAsync(page, ViewerToken);

        await page.GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).ClickAsync();
        var row = page.Locator($"tr[data-job='{dead.ToString(CultureInfo.InvariantCulture)}']");
        await Expect(row.Locator("td.error")).ToContainTextAsync("Ironclad answered 503");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Replay" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Replay all") })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await Expect(page.Locator("tr[data-action='login']")).ToContainTextAsync("signed in as viewer");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Setup", Exact = true })).ToHaveCountAsync(0);
        Assert.Equal(403, (await page.GotoAsync("/setup"))!.Status);
        Assert.Equal(403, (await page.GotoAsync("/rules/new"))!.Status);
        Assert.Equal(JobStatus.Dead, (await bridge.Store.GetAsync(dead, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AFormForgedOnAnotherSite_ReplaysNothing_ForASignedInAdmin()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false, configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Dashboard:AdminToken"] = AdminToken,
        });
        var dead = await DeadJobs.AddAsync(bridge.Store, "Ironclad answered 503");
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = bridge.Url.ToString() });
        var page = await context.NewPageAsync();
        await DashboardLogin.SignInAsync(page, AdminToken);

        // Another site's page, served by the browser's own interception, with a form aimed at the replay button's action.
        var replay = new Uri(bridge.Url, $"/jobs/{dead.ToString(CultureInfo.InvariantCulture)}/replay");
        await page.RouteAsync("http://forger.example/**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"<form method=post action=\"{replay}\"><input name=x value=1><button>Win a prize</button></form>",
        }));
        await page.GotoAsync("http://forger.example/");
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Win a prize" }).ClickAsync(),
            r => r.Url == replay.ToString());

        Assert.True(answer.Status >= 400, $"the forged replay answered {answer.Status}");
        Assert.Equal(JobStatus.Dead, (await bridge.Store.GetAsync(dead, CancellationToken.None))!.Status);
    }
}
