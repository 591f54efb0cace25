using System.Net;
using System.Net.Http.Json;
using ContractBridge.Simulators.Tests.Kommo.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractBridge.Simulators.Tests.Kommo;

/// <summary>Kommo's consent step: the page an admin is sent to, and its "Allow", which redirects with a code to exchange.</summary>
public sealed class KommoConsentTests
{
    [Fact]
    public async Task ConsentPage_NamesTheAccount_AndAllowRedirectsToTheIntegrationsRedirectUri_WithCodeStateAndReferer()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var options = kommo.Simulator.Options;
        await kommo.ControlClient().SetRedirectUriAsync(new Uri("http://127.0.0.1:9/oauth/kommo/callback"));
        using var browser = NoRedirects(kommo);

        var page = await browser.GetStringAsync(new Uri($"oauth?client_id={options.ClientId}&state=s%3C1&mode=post_message", UriKind.Relative));
        using var allow = await browser.PostAsync(
            new Uri("oauth/allow", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = options.ClientId, ["state"] = "s<1" }));

        Assert.Contains(options.AccountName, page);
        Assert.Contains("value=\"s&lt;1\"", page);
        Assert.Equal(HttpStatusCode.Redirect, allow.StatusCode);
        var location = allow.Headers.Location!;
        Assert.Equal("http://127.0.0.1:9/oauth/kommo/callback", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("s<1", query["state"].ToString());
        Assert.Equal(kommo.Simulator.BaseUrl.Authority, query["referer"].ToString());

        using var exchange = await kommo.Anonymous.PostAsJsonAsync(new Uri("oauth2/access_token", UriKind.Relative), new
        {
            client_id = options.ClientId,
            client_secret = options.ClientSecret,
            grant_type = "authorization_code",
            code = query["code"].ToString(),
            redirect_uri = "http://127.0.0.1:9/oauth/kommo/callback",
        });
        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        Assert.Equal(1, kommo.Control.OAuth.CodeExchanges);
    }

    [Fact]
    public async Task ConsentPage_ForAnUnknownClient_Answers400_AndAllowIssuesNoCode()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        using var browser = NoRedirects(kommo);

        using var page = await browser.GetAsync(new Uri("oauth?client_id=someone-else&state=x", UriKind.Relative));
        using var allow = await browser.PostAsync(
            new Uri("oauth/allow", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = "someone-else", ["state"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, allow.StatusCode);
        Assert.Null(allow.Headers.Location);
    }

    [Fact]
    public async Task CodeExchange_NamingTheOldRedirectUri_AfterItChanged_IsRefused()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var options = kommo.Simulator.Options;
        kommo.Control.SetRedirectUri(new Uri("https://bridge.example/oauth/kommo/callback"));
        var code = kommo.Control.IssueAuthorizationCode();

        using var exchange = await kommo.Anonymous.PostAsJsonAsync(new Uri("oauth2/access_token", UriKind.Relative), new
        {
            client_id = options.ClientId,
            client_secret = options.ClientSecret,
            grant_type = "authorization_code",
            code = code.Code,
            redirect_uri = options.RedirectUri,
        });

        Assert.Equal("https://bridge.example/oauth/kommo/callback", code.RedirectUri);
        Assert.Equal(HttpStatusCode.BadRequest, exchange.StatusCode);
    }

    private static HttpClient NoRedirects(KommoTestServer kommo) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = kommo.Simulator.BaseUrl };
}
