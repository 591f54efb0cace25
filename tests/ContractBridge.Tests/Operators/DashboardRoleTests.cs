using System.Net;
using ContractBridge.Engine.Jobs;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

/// <summary>The viewer token opens every page and changes nothing; a form not sent from the dashboard's own page changes nothing either.</summary>
public sealed class DashboardRoleTests
{
    private static readonly string[] Pages = ["/", "/contracts", "/jobs", "/jobs?status=dead", "/events", "/audit"];

    [Fact]
    public async Task AViewer_ReadsEveryPage_SeesNoReplayButton_AndAReplayIs403()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.WithViewer, registerWebhooks: false);
        var id = await DeadJobs.AddAsync(bridge.Store, "boom");
        using var viewer = new DashboardClient(bridge);
        using var login = await viewer.LoginAsync(DashboardClient.ViewerToken);

        var pages = await Task.WhenAll(Pages.Append($"/jobs/{id}").Select(viewer.GetPageAsync));
        var formToken = DashboardClient.Csrf(pages[0]);
        using var replay = await viewer.PostAsync($"/jobs/{id}/replay", formToken);
        using var replayAll = await viewer.PostAsync("/jobs/replay-dead", formToken);
        using var bearer = await viewer.PostAsync($"/jobs/{id}/replay", csrf: null, bearer: DashboardClient.ViewerToken);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.All(pages, page => Assert.DoesNotContain("/replay", page, StringComparison.Ordinal));
        Assert.Contains("data-testid=\"jobs\"", pages[2], StringComparison.Ordinal);
        Assert.Contains("Log out", pages[0], StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (replay.StatusCode, replayAll.StatusCode, bearer.StatusCode));
        Assert.Contains("Viewers see every page but change nothing", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(JobStatus.Dead, (await bridge.Store.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AnAdmin_SeesTheReplayButtons()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.WithViewer, registerWebhooks: false);
        var id = await DeadJobs.AddAsync(bridge.Store, "boom");
        using var admin = new DashboardClient(bridge);
        await admin.LoginAsync(DashboardClient.AdminToken);

        var jobs = await admin.GetPageAsync("/jobs");

        Assert.Contains($"action=\"/jobs/{id}/replay\"", jobs, StringComparison.Ordinal);
        Assert.Contains("action=\"/jobs/replay-dead\"", jobs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormCarryingAnotherSessionsAntiforgeryToken_Is400_AndChangesNothing()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        var id = await DeadJobs.AddAsync(bridge.Store, "boom");
        using var victim = new DashboardClient(bridge);
        using var attacker = new DashboardClient(bridge);
        await victim.LoginAsync(DashboardClient.AdminToken);
        await attacker.LoginAsync(DashboardClient.AdminToken);
        var attackersToken = DashboardClient.Csrf(await attacker.GetPageAsync("/jobs"));

        using var forged = await victim.PostAsync($"/jobs/{id}/replay", attackersToken);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("reload the page and try again", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(JobStatus.Dead, (await bridge.Store.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ALoginFormWithoutItsAntiforgeryToken_Is400_AndSignsNoOneIn()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = bridge.Url };

        using var login = await http.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent([new("token", DashboardClient.AdminToken)]));

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task ChangingTheViewerToken_EndsTheViewersSession()
    {
        var viewerToken = DashboardClient.ViewerToken;
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.WithViewer, registerWebhooks: false);
        using var viewer = new DashboardClient(bridge);
        await viewer.LoginAsync(viewerToken);
        using var before = await viewer.GetAsync("/");

        bridge.App.Services.GetRequiredService<IOptions<ContractBridge.Configuration.BridgeOptions>>().Value.Dashboard.ViewerToken = viewerToken + "-rotated";
        using var after = await viewer.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [InlineData("short-viewer")]
    [InlineData(DashboardClient.AdminToken)]
    public async Task AViewerTokenTooShortOrTheAdminsOwn_TurnsTheDashboardOff(string viewerToken)
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Dashboard:AdminToken"] = DashboardClient.AdminToken,
            ["ContractBridge:Dashboard:ViewerToken"] = viewerToken,
        }, registerWebhooks: false);
        using var client = new DashboardClient(bridge);

        using var page = await client.GetAsync("/", bearer: DashboardClient.AdminToken);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("viewer token", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
