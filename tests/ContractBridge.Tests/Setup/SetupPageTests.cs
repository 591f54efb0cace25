using System.Net;
using ContractBridge.Audit;
using ContractBridge.Engine.Storage;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Setup;

/// <summary>
/// /setup over loopback HTTP against the simulators, from a configuration that names neither service: an admin
/// connects both (each tried live; a wrong token saves nothing), goes live, and the next moved deal launches; the page
/// never shows a secret back; a viewer cannot see it; every connection is in the audit log.
/// </summary>
public sealed class SetupPageTests
{
    [Fact]
    public async Task FromABlankConfiguration_AnAdminConnectsBothAndGoesLive_AndTheNextDealLaunches()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => BlankWithDashboard, registerWebhooks: false);
        using var admin = new DashboardClient(bridge);
        await admin.LoginAsync(DashboardClient.AdminToken);
        var token = bridge.Kommo.Options.LongLivedToken;
        var ironclad = new IroncladSimulatorOptions();

        var overview = await admin.GetPageAsync("/");
        Assert.Contains("data-state=\"not-connected\">Kommo: not connected", overview, StringComparison.Ordinal);
        Assert.Contains("data-state=\"not-connected\">Ironclad: not connected", overview, StringComparison.Ordinal);
        var blank = await admin.GetPageAsync("/setup");
        Assert.Contains("data-testid=\"kommo-state\">Not connected.", blank, StringComparison.Ordinal);
        using (var headers = await admin.GetAsync("/setup"))
        {
            // "Connect with Kommo" posts, then is redirected to Kommo's consent page: form-action must allow its origin.
            Assert.Contains("form-action 'self' https://www.kommo.com;", headers.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("data-testid=\"go-live\"", blank, StringComparison.Ordinal);

        using var wrong = await admin.PostFormAsync("/setup/kommo", DashboardClient.Csrf(blank), Fields(("baseUrl", KommoRoot(bridge)), ("accessToken", "not-the-token")));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Kommo answered 401", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(bridge.App.Services.GetRequiredService<ContractBridge.Setup.UpstreamConnections>().Kommo);

        using var kommo = await admin.PostFormAsync("/setup/kommo", DashboardClient.Csrf(blank), Fields(("baseUrl", KommoRoot(bridge)), ("accessToken", token)));
        Assert.Equal((HttpStatusCode.Redirect, "/setup?notice=kommo"), (kommo.StatusCode, kommo.Headers.Location?.OriginalString));
        using var connected = await admin.PostFormAsync("/setup/ironclad", DashboardClient.Csrf(blank), Fields(
            ("host", "custom"), ("baseUrl", new Uri(bridge.Ironclad.BaseUrl, "/public/api/v1").ToString()), ("apiKey", ironclad.ApiKey), ("creatorEmail", ironclad.Users[0].Email)));
        Assert.Equal(HttpStatusCode.Redirect, connected.StatusCode);

        var ready = await admin.GetPageAsync("/setup");
        Assert.Contains("Connected to " + bridge.Kommo.BaseUrl, ready, StringComparison.Ordinal);
        Assert.DoesNotContain(token, ready, StringComparison.Ordinal);
        Assert.DoesNotContain(ironclad.ApiKey, ready, StringComparison.Ordinal);
        using var live = await admin.PostFormAsync("/setup/go-live", DashboardClient.Csrf(ready), []);
        Assert.Equal((HttpStatusCode.Redirect, "/setup?notice=live"), (live.StatusCode, live.Headers.Location?.OriginalString));
        var after = await admin.GetPageAsync("/setup?notice=live");
        Assert.DoesNotContain("not-connected", await admin.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.Contains("data-service=\"kommo\" data-state=\"registered\"", after, StringComparison.Ordinal);
        Assert.Contains("data-service=\"ironclad\" data-state=\"registered\"", after, StringComparison.Ordinal);

        var lead = bridge.Account.AddDeal("Set Up In The Browser MSA");
        bridge.Account.MoveToSendContract(lead);

        await Eventually.GetAsync(() => bridge.Kommo.Control.GetLead(lead)!.Notes.FirstOrDefault(n => n.Text?.Contains("launched", StringComparison.Ordinal) == true), "the launch note", explain: bridge.Explain);
        var audit = await bridge.App.Services.GetRequiredService<IAuditLog>().ListAsync(20, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == AuditActions.ConnectKommo);
        Assert.Contains(audit, e => e.Action == AuditActions.ConnectIronclad);
        Assert.Contains(audit, e => e.Action == AuditActions.GoLive);
        Assert.All(audit, e => Assert.DoesNotContain(token, e.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ironclad_ByOAuthClientCredentials_IsTriedAndStored_AndItsHealthNamesTheExpiryAndTheScopesLeftOut()
    {
        var ironclad = new IroncladSimulatorOptions { OAuthClientScopes = [.. IroncladScopes.All.Where(s => s != "public.workflows.cancel")] };
        await using var bridge = await BridgeHarness.StartAsync(simulators: s => s with { Ironclad = ironclad }, configuration: _ => BlankWithDashboard, registerWebhooks: false);
        using var admin = new DashboardClient(bridge);
        await admin.LoginAsync(DashboardClient.AdminToken);
        var blank = await admin.GetPageAsync("/setup");
        var root = new Uri(bridge.Ironclad.BaseUrl, "/public/api/v1").ToString();

        using var wrong = await admin.PostFormAsync("/setup/ironclad", DashboardClient.Csrf(blank), Fields(
            ("host", "custom"), ("baseUrl", root), ("auth", "oauth"), ("clientId", ironclad.OAuthClientId), ("clientSecret", "not-the-secret"), ("creatorEmail", ironclad.Users[0].Email)));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Ironclad OAuth token request answered 401", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(bridge.App.Services.GetRequiredService<ContractBridge.Setup.UpstreamConnections>().Ironclad);

        using var connected = await admin.PostFormAsync("/setup/ironclad", DashboardClient.Csrf(blank), Fields(
            ("host", "custom"), ("baseUrl", root), ("auth", "oauth"), ("clientId", ironclad.OAuthClientId), ("clientSecret", ironclad.OAuthClientSecret), ("creatorEmail", ironclad.Users[0].Email)));
        Assert.Equal((HttpStatusCode.Redirect, "/setup?notice=ironclad"), (connected.StatusCode, connected.Headers.Location?.OriginalString));

        var page = await admin.GetPageAsync("/setup");
        Assert.Contains("by OAuth client credentials, by admin", page, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"ironclad-expiry\">Token: access token expires \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC, renewed automatically", page);
        Assert.Matches("data-testid=\"ironclad-last-success\">Last successful call from this instance: <time", page);
        Assert.Contains("data-state=\"missing\" class=\"problem\">Scopes missing: public.workflows.cancel", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ironclad.OAuthClientSecret, page, StringComparison.Ordinal);
        var stored = await bridge.App.Services.GetRequiredService<IKeyValueStore>().GetAsync(ContractBridge.Setup.UpstreamConnections.IroncladKey, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.DoesNotContain(ironclad.OAuthClientSecret, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScriptWithTheAdminToken_ConnectsByBearer_WithoutAnAntiforgeryToken()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => BlankWithDashboard, registerWebhooks: false);
        var ironclad = new IroncladSimulatorOptions();
        using var script = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = bridge.Url };
        script.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DashboardClient.AdminToken);

        using var connected = await script.PostAsync(new Uri("/setup/ironclad", UriKind.Relative), new FormUrlEncodedContent(Fields(
            ("host", "custom"), ("baseUrl", new Uri(bridge.Ironclad.BaseUrl, "/public/api/v1").ToString()), ("apiKey", ironclad.ApiKey), ("creatorEmail", ironclad.Users[0].Email))));

        Assert.Equal((HttpStatusCode.Redirect, "/setup?notice=ironclad"), (connected.StatusCode, connected.Headers.Location?.OriginalString));
        Assert.Equal("API key", bridge.App.Services.GetRequiredService<ContractBridge.Setup.UpstreamConnections>().Ironclad?.Method);
    }

    [Fact]
    public async Task AViewer_CannotOpenSetup_AndAFormWithoutItsToken_IsRefused()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>(BlankWithDashboard) { ["ContractBridge:Dashboard:ViewerToken"] = DashboardClient.ViewerToken }, registerWebhooks: false);
        using var viewer = new DashboardClient(bridge);
        await viewer.LoginAsync(DashboardClient.ViewerToken);
        using var admin = new DashboardClient(bridge);
        await admin.LoginAsync(DashboardClient.AdminToken);

        using var page = await viewer.GetAsync("/setup");
        using var forged = await admin.PostFormAsync("/setup/kommo", "forged-token", Fields(("baseUrl", KommoRoot(bridge)), ("accessToken", bridge.Kommo.Options.LongLivedToken)));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(bridge.App.Services.GetRequiredService<ContractBridge.Setup.UpstreamConnections>().Kommo);
    }

    private static string KommoRoot(BridgeHarness bridge) => new Uri(bridge.Kommo.BaseUrl, "/api/v4").ToString();

    private static List<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) =>
        [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))];

    internal static Dictionary<string, string?> BlankWithDashboard =>
        BridgeHarness.Unconnected(new Dictionary<string, string?> { ["ContractBridge:Dashboard:AdminToken"] = DashboardClient.AdminToken });
}
