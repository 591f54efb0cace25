using System.Net;
using ContractBridge.Engine.Jobs;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

public sealed class DashboardTests
{
    [Fact]
    public async Task WithoutAnAdminToken_TheDashboardIsOff_404SayingHowToTurnItOn()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        using var client = new DashboardClient(bridge);

        using var page = await client.GetAsync("/");
        using var login = await client.LoginAsync("anything-at-all-here");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("CONTRACTBRIDGE_ADMIN_TOKEN", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, login.StatusCode);
        Assert.Null(client.SetCookieHeader);
    }

    [Fact]
    public async Task SignedOut_APageIs401WithTheLoginForm_AndAnActionIs401()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        var id = await DeadJobs.AddAsync(bridge.Store, "boom");
        using var client = new DashboardClient(bridge);

        using var page = await client.GetAsync("/");
        using var replay = await client.PostAsync($"/jobs/{id}/replay", csrf: null);

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/login\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(JobStatus.Dead, (await bridge.Store.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task WrongToken_IsRefused_AtTheFormAndAsBearer()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var client = new DashboardClient(bridge);

        using var login = await client.LoginAsync("test-admin-token-0123456780");
        using var bearer = await client.GetAsync("/", bearer: "test-admin-token-0123456780");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Contains("That is not the admin token.", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(client.SetCookieHeader);
        Assert.Equal(HttpStatusCode.Unauthorized, bearer.StatusCode);
    }

    [Fact]
    public async Task RightToken_SetsAnHttpOnlySameSiteStrictCookie_ThatOpensThePages()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var client = new DashboardClient(bridge);

        using var login = await client.LoginAsync(DashboardClient.AdminToken);
        using var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("httponly", client.SetCookieHeader!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", client.SetCookieHeader!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DashboardClient.AdminToken, client.SetCookieHeader!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1>Overview</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none';", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATamperedCookie_IsNotASession()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = bridge.Url };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "cb_dashboard=99999999999.bm9uY2U.forged-signature");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BearerToken_OpensThePages_AndReplaysWithoutAnAntiforgeryToken()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        var id = await DeadJobs.AddAsync(bridge.Store, "boom");
        using var client = new DashboardClient(bridge);

        using var page = await client.GetAsync("/jobs", bearer: DashboardClient.AdminToken);
        using var replay = await client.PostAsync($"/jobs/{id}/replay", csrf: null, bearer: DashboardClient.AdminToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal(JobStatus.Pending, (await bridge.Store.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task HostileText_FromJobErrors_IsHtmlEncoded()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        await DeadJobs.AddAsync(bridge.Store, "Kommo said: <script>alert('x')</script><img src=x onerror=alert(1)> & \"quoted\"", key: "<b>lead</b>");
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);

        var overview = await client.GetPageAsync("/");
        var jobs = await client.GetPageAsync("/jobs?status=dead");

        foreach (var page in new[] { overview, jobs })
        {
            Assert.DoesNotContain("<script>", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>lead", page, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Secrets_NeverShow_EvenWhenAnErrorCarriesThem()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        await DeadJobs.AddAsync(bridge.Store, $"POST {bridge.Url}webhooks/kommo/{BridgeHarness.KommoWebhookSecret} failed; Authorization: Bearer kommo-sim-long-lived-token; key ironclad-sim-api-key");
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);

        var pages = string.Concat(await Task.WhenAll(new[] { "/", "/jobs", "/jobs?status=dead", "/contracts", "/events" }.Select(client.GetPageAsync)));

        Assert.DoesNotContain(BridgeHarness.KommoWebhookSecret, pages, StringComparison.Ordinal);
        Assert.DoesNotContain("kommo-sim-long-lived-token", pages, StringComparison.Ordinal);
        Assert.DoesNotContain("ironclad-sim-api-key", pages, StringComparison.Ordinal);
        Assert.DoesNotContain(DashboardClient.AdminToken, pages, StringComparison.Ordinal);
        Assert.Contains("webhooks/kommo/***", pages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WithThePagesAntiforgeryToken_RequeuesTheDeadJob()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        var id = await DeadJobs.AddAsync(bridge.Store, "boom");
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);
        var csrf = DashboardClient.Csrf(await client.GetPageAsync("/jobs"));

        using var replay = await client.PostAsync($"/jobs/{id}/replay", csrf);
        var after = await client.GetPageAsync(replay.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal(JobStatus.Pending, (await bridge.Store.GetAsync(id, CancellationToken.None))!.Status);
        Assert.Contains($"Job #{id} is queued again.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WithoutOrWithAWrongAntiforgeryToken_Is400_AndChangesNothing()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        var id = await DeadJobs.AddAsync(bridge.Store, "boom");
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);

        using var missing = await client.PostAsync($"/jobs/{id}/replay", csrf: null);
        using var wrong = await client.PostAsync($"/jobs/{id}/replay", csrf: "not-the-token");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(JobStatus.Dead, (await bridge.Store.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ReplayAllDead_RequeuesEveryDeadJob_AndSaysHowMany()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        var first = await DeadJobs.AddAsync(bridge.Store, "one");
        var second = await DeadJobs.AddAsync(bridge.Store, "two");
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);
        var csrf = DashboardClient.Csrf(await client.GetPageAsync("/"));

        using var replay = await client.PostAsync("/jobs/replay-dead", csrf);
        var after = await client.GetPageAsync(replay.Headers.Location!.ToString());

        Assert.Contains("2 dead job(s) queued again.", after, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Pending, (await bridge.Store.GetAsync(first, CancellationToken.None))!.Status);
        Assert.Equal(JobStatus.Pending, (await bridge.Store.GetAsync(second, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ReplayingAJobThatIsNotDead_Is409_AndAnUnknownJob404()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        var id = await DeadJobs.AddAsync(bridge.Store, "boom");
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);
        var csrf = DashboardClient.Csrf(await client.GetPageAsync("/jobs"));
        (await client.PostAsync($"/jobs/{id}/replay", csrf)).Dispose();

        using var again = await client.PostAsync($"/jobs/{id}/replay", csrf);
        using var unknown = await client.PostAsync("/jobs/987654/replay", csrf);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("is pending, not dead", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("/jobs?status=stuck", HttpStatusCode.BadRequest)]
    [InlineData("/jobs?limit=lots", HttpStatusCode.BadRequest)]
    [InlineData("/contracts?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/events?limit=100000", HttpStatusCode.BadRequest)]
    [InlineData("/jobs/not-a-number", HttpStatusCode.NotFound)]
    [InlineData("/jobs/123456789", HttpStatusCode.NotFound)]
    public async Task BadInput_IsAClear4xx(string path, HttpStatusCode expected)
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);

        using var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task ALaunchedContract_ShowsWithLinksToTheDealAndTheWorkflow()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration);
        var lead = bridge.Account.AddDeal("Globex <MSA>");
        bridge.Account.MoveToSendContract(lead);
        var workflow = await Eventually.GetAsync(() => bridge.Ironclad.Control.Workflows().SingleOrDefault(), "the workflow");
        await Eventually.TrueAsync(async () => await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None) is { WorkflowId: not null }, "the link");
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);

        var page = await client.GetPageAsync("/contracts");

        Assert.Contains($"<a href=\"/deals/{lead}\" data-testid=\"deal-{lead}\">Globex &lt;MSA&gt;</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"muted\">#{lead}</span>", page, StringComparison.Ordinal);
        Assert.Contains($"/leads/detail/{lead}\"", page, StringComparison.Ordinal);
        Assert.Contains($"/workflows/{workflow.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains($">{workflow.IroncladId}</a>", page, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer\"", page, StringComparison.Ordinal);
        Assert.Contains("lead ", await client.GetPageAsync("/events"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedLoginBody_Is400_NotA500()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var http = new HttpClient { BaseAddress = bridge.Url };
        using var body = new StringContent("--nope\r\nnot a part", System.Text.Encoding.UTF8);
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=elsewhere");

        using var response = await http.PostAsync(new Uri("/login", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task LogOut_EndsTheSession()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);
        var csrf = DashboardClient.Csrf(await client.GetPageAsync("/"));

        using var logout = await client.PostAsync("/logout", csrf);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Contains("cb_dashboard=;", logout.Headers.GetValues("Set-Cookie").Single(), StringComparison.Ordinal);
    }
}
