using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo;
using ContractBridge.Simulators.Tests.Kommo.Support;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Simulators.Tests.Kommo;

public sealed class KommoAuthTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task ApiCall_WithoutOrWithWrongToken_Answers401ProblemJson(string? token)
    {
        await using var kommo = await KommoTestServer.StartAsync();
        using var client = kommo.NewClient(token);

        using var response = await client.GetAsync(new Uri("api/v4/leads", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("Unauthorized", "https://httpstatus.es/401", 401), ((string)problem["title"]!, (string)problem["type"]!, (int)problem["status"]!));
        Assert.False(string.IsNullOrEmpty((string?)problem["detail"]));
    }

    [Fact]
    public async Task RefreshToken_WorksOnce_SecondUseAnswers401TokenHasBeenRevoked()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var options = kommo.Simulator.Options;

        using var first = await RefreshAsync(kommo, options.InitialRefreshToken);
        using var second = await RefreshAsync(kommo, options.InitialRefreshToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var pair = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal(("Bearer", 86400), ((string)pair["token_type"]!, (int)pair["expires_in"]!));
        Assert.NotEqual(options.InitialRefreshToken, (string)pair["refresh_token"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Contains("Token has been revoked", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, kommo.Control.OAuth.Refreshes);
        Assert.Equal(1, kommo.Control.OAuth.RevokedRefreshReuses);
    }

    [Fact]
    public async Task RefreshedPair_AccessTokenWorks_AndTheNewRefreshTokenWorksOnceMore()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        using var first = await RefreshAsync(kommo, kommo.Simulator.Options.InitialRefreshToken);
        var pair = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;

        using var client = kommo.NewClient((string)pair["access_token"]!);
        using var account = await client.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        using var second = await RefreshAsync(kommo, (string)pair["refresh_token"]!);

        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, kommo.Control.OAuth.Refreshes);
    }

    [Fact]
    public async Task AccessToken_AfterItsLifetimeOnTheSimulatorClock_Answers401()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var kommo = await KommoTestServer.StartAsync(time: time);
        using var refreshed = await RefreshAsync(kommo, kommo.Simulator.Options.InitialRefreshToken);
        using var client = kommo.NewClient((string)JsonNode.Parse(await refreshed.Content.ReadAsStringAsync())!["access_token"]!);

        time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        using var stillValid = await client.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        time.Advance(TimeSpan.FromSeconds(1));
        using var expired = await client.GetAsync(new Uri("api/v4/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessToken_IsAJwtNamingTheClientItsExpiryAndTheIntegrationsScopes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var kommo = await KommoTestServer.StartAsync(time: time);
        using var refreshed = await RefreshAsync(kommo, kommo.Simulator.Options.InitialRefreshToken);
        var parts = ((string)JsonNode.Parse(await refreshed.Content.ReadAsStringAsync())!["access_token"]!).Split('.');

        var header = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0]))!;
        var payload = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))!;

        Assert.Equal(3, parts.Length);
        Assert.Equal(("JWT", "RS256"), ((string)header["typ"]!, (string)header["alg"]!));
        Assert.Equal(kommo.Simulator.Options.ClientId, (string)payload["aud"]!);
        Assert.Equal(time.GetUtcNow().AddHours(24).ToUnixTimeSeconds(), (long)payload["exp"]!);
        Assert.Equal(kommo.Simulator.Options.AccountId, (long)payload["account_id"]!);
        Assert.Equal(["crm", "files", "files_delete", "notifications", "push_notifications"], payload["scopes"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task TokenEndpoint_WrongClientSecret_Answers401AndDoesNotSpendTheRefreshToken()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var options = kommo.Simulator.Options;

        using var wrong = await kommo.Anonymous.PostAsJsonAsync(new Uri("oauth2/access_token", UriKind.Relative), new
        {
            client_id = options.ClientId,
            client_secret = "guess",
            grant_type = "refresh_token",
            refresh_token = options.InitialRefreshToken,
            redirect_uri = options.RedirectUri,
        });
        using var right = await RefreshAsync(kommo, options.InitialRefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task AuthorizationCode_IssuedByTheControlApi_ExchangesOnceForAPair()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var options = kommo.Simulator.Options;
        var code = kommo.Control.IssueAuthorizationCode();
        var body = new
        {
            client_id = options.ClientId,
            client_secret = options.ClientSecret,
            grant_type = "authorization_code",
            code = code.Code,
            redirect_uri = code.RedirectUri,
        };

        using var first = await kommo.Anonymous.PostAsJsonAsync(new Uri("oauth2/access_token", UriKind.Relative), body);
        using var again = await kommo.Anonymous.PostAsJsonAsync(new Uri("oauth2/access_token", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(1, kommo.Control.OAuth.CodeExchanges);
        Assert.Equal(0, kommo.Control.OAuth.Refreshes);
    }

    private static Task<HttpResponseMessage> RefreshAsync(KommoTestServer kommo, string refreshToken)
    {
        KommoSimulatorOptions options = kommo.Simulator.Options;
        return kommo.Anonymous.PostAsJsonAsync(new Uri("oauth2/access_token", UriKind.Relative), new
        {
            client_id = options.ClientId,
            client_secret = options.ClientSecret,
            grant_type = "refresh_token",
            refresh_token = refreshToken,
            redirect_uri = options.RedirectUri,
        });
    }
}
