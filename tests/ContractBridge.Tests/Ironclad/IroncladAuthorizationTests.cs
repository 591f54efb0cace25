using System.Net;
using System.Net.Http.Json;
using ContractBridge.Configuration;
using ContractBridge.Ironclad;
using ContractBridge.Tests.Upstream.Support;
using ContractBridge.Upstream;

namespace ContractBridge.Tests.Ironclad;

/// <summary>
/// Ironclad's credentials through <see cref="AuthorizationHandler"/>: an OAuth token refused before it expires is
/// replaced by a new one for one more try; a legacy API key cannot be renewed, so its 401 is final.
/// </summary>
public sealed class IroncladAuthorizationTests
{
    private static readonly Uri ApiRoot = new("https://na1.ironcladapp.com/public/api/v1/");

    [Fact]
    public async Task OAuthTokenRefused_IsReplacedByANewToken_AndTheCallSentOnceMore_ActingAsTheSameUser()
    {
        var tokenEndpoint = new StubTransport((_, attempt) => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = JsonContent.Create(new { access_token = $"token-{attempt}", expires_in = 3600 }),
        });
        using var tokenHttp = new HttpClient(tokenEndpoint);
        using var auth = new ClientCredentialsAuth(tokenHttp, new Uri("https://na1.ironcladapp.com/oauth/token"), new IroncladOAuthOptions(), "contracts@acme.example", TimeProvider.System);
        var api = new StubTransport((request, _) =>
            new HttpResponseMessage(request.Headers.Authorization?.Parameter == "token-1" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK));
        using var http = new HttpClient(new AuthorizationHandler(auth) { InnerHandler = api }) { BaseAddress = ApiRoot };

        using var response = await http.GetAsync("workflows/IC-1", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], api.Sent.Select(a => a.Authorization));
        Assert.All(api.Sent, a => Assert.Equal(["contracts@acme.example"], a.ActAs));
        Assert.Equal(2, tokenEndpoint.Sent.Count);
    }

    [Fact]
    public async Task LegacyKeyRefused_IsTheAnswer_WithoutARetry()
    {
        var api = new StubTransport(HttpStatusCode.Unauthorized);
        using var http = new HttpClient(new AuthorizationHandler(new LegacyTokenAuth("the-api-key")) { InnerHandler = api }) { BaseAddress = ApiRoot };

        using var response = await http.GetAsync("workflows/IC-1", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer the-api-key", Assert.Single(api.Sent).Authorization);
    }
}
