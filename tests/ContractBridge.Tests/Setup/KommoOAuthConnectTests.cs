using System.Net;
using ContractBridge.Kommo;
using ContractBridge.Setup;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Setup;

/// <summary>
/// Connecting Kommo by OAuth from /setup, over loopback HTTP through the simulator's consent page as a browser follows
/// it: the code is exchanged once at the account the referer names and the first access token is used without a
/// refresh; a replayed callback, or one naming a host the bridge does not accept, connects nothing.
/// </summary>
public sealed class KommoOAuthConnectTests
{
    [Fact]
    public async Task AnAdminAllowsOnKommosConsentPage_AndTheCallbackConnectsKommoByOAuth_Once()
    {
        await using var bridge = await StartAsync();
        using var admin = new DashboardClient(bridge);
        await admin.LoginAsync(DashboardClient.AdminToken);

        var callback = await AllowAsync(bridge, admin);
        using var anonymous = NoRedirects(bridge.Url);
        using var connected = await anonymous.GetAsync(callback);
        using var replayed = await anonymous.GetAsync(callback);

        Assert.Equal((HttpStatusCode.Redirect, "/setup?notice=kommo-oauth"), (connected.StatusCode, connected.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        var kommo = bridge.App.Services.GetRequiredService<UpstreamConnections>().Kommo;
        Assert.Equal(("OAuth", bridge.Kommo.BaseUrl.Authority), (kommo?.Method, kommo?.AccountUrl.Authority));
        var account = await bridge.App.Services.GetRequiredService<KommoClient>().GetAccountAsync(withDriveUrl: false, CancellationToken.None);
        Assert.NotNull(account);
        Assert.Equal((1L, 0L), (bridge.Kommo.Control.OAuth.CodeExchanges, bridge.Kommo.Control.OAuth.Refreshes));
        var audited = (await bridge.App.Services.GetRequiredService<ContractBridge.Audit.IAuditLog>().ListAsync(10, CancellationToken.None)).Single(e => e.Action == ContractBridge.Audit.AuditActions.ConnectKommo);
        Assert.Equal(("admin", "127.0.0.1"), (audited.Actor, audited.Client));
        var page = await admin.GetPageAsync("/setup?notice=kommo-oauth");
        Assert.Contains("connected by OAuth", page, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"kommo-expiry\">Token: access token expires \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC, renewed automatically before then", page);
        Assert.Contains("data-testid=\"kommo-scopes\" data-state=\"complete\"", page, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"kommo-last-success\">Last successful call from this instance: <time", page);
    }

    [Fact]
    public async Task ACallbackNamingAnotherHost_ExchangesNothing_AndConnectsNothing()
    {
        await using var bridge = await StartAsync();
        using var admin = new DashboardClient(bridge);
        await admin.LoginAsync(DashboardClient.AdminToken);
        var callback = await AllowAsync(bridge, admin);
        var query = QueryHelpers.ParseQuery(callback.Query);
        var forged = QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), new Dictionary<string, string?>
        {
            ["code"] = query["code"].ToString(),
            ["state"] = query["state"].ToString(),
            ["referer"] = "attacker.example",
        });

        using var anonymous = NoRedirects(bridge.Url);
        using var refused = await anonymous.GetAsync(new Uri(forged));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("attacker.example", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(bridge.App.Services.GetRequiredService<UpstreamConnections>().Kommo);
        Assert.Equal(0L, bridge.Kommo.Control.OAuth.CodeExchanges);
    }

    /// <summary>/setup's "Connect with Kommo", the consent page, its "Allow": the callback URL Kommo sends the browser to.</summary>
    private static async Task<Uri> AllowAsync(BridgeHarness bridge, DashboardClient admin)
    {
        var options = bridge.Kommo.Options;
        var setup = await admin.GetPageAsync("/setup");
        using var start = await admin.PostFormAsync("/setup/kommo/oauth", DashboardClient.Csrf(setup), [new("clientId", options.ClientId), new("clientSecret", options.ClientSecret)]);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var consentUrl = start.Headers.Location!;
        Assert.Equal(bridge.Kommo.BaseUrl.Authority, consentUrl.Authority);
        var state = QueryHelpers.ParseQuery(consentUrl.Query)["state"].ToString();

        using var browser = NoRedirects(bridge.Kommo.BaseUrl);
        Assert.Contains(options.AccountName, await browser.GetStringAsync(consentUrl), StringComparison.Ordinal);
        using var allow = await browser.PostAsync(new Uri("/oauth/allow", UriKind.Relative), new FormUrlEncodedContent([new("client_id", options.ClientId), new("state", state)]));
        Assert.Equal(HttpStatusCode.Redirect, allow.StatusCode);
        return allow.Headers.Location!;
    }

    private static async Task<BridgeHarness> StartAsync()
    {
        var bridge = await BridgeHarness.StartAsync(
            configuration: account => new Dictionary<string, string?>(SetupPageTests.BlankWithDashboard)
            {
                ["ContractBridge:Kommo:AuthorizeUrl"] = new Uri(account.KommoUrl, "/oauth").ToString(),
                ["ContractBridge:Kommo:AccountHosts:0"] = account.KommoUrl.GetLeftPart(UriPartial.Authority),
            },
            registerWebhooks: false);
        // The integration's redirect URI, as its admin enters it in Kommo: the bridge's address is known once it listens.
        bridge.Kommo.Control.SetRedirectUri(new Uri(bridge.Url, KommoOAuthConnect.CallbackPath));
        return bridge;
    }

    private static HttpClient NoRedirects(Uri baseAddress) => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };
}
