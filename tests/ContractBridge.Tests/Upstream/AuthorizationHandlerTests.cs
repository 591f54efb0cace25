using System.Net;
using System.Net.Http.Json;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Http;
using ContractBridge.Tests.Upstream.Support;
using ContractBridge.Upstream;

namespace ContractBridge.Tests.Upstream;

/// <summary>
/// Credentials go on every request; a 401 renews them once and sends the same request again. A second 401, or a token
/// that cannot be renewed, is the answer.
/// </summary>
public sealed class AuthorizationHandlerTests
{
    private static readonly Uri ApiRoot = new("https://acme.kommo.com/api/v4/");

    [Fact]
    public async Task Success_IsSentOnce_WithTheCurrentToken_AndNothingIsRenewed()
    {
        var tokens = new RenewableTokens();
        var transport = new StubTransport(HttpStatusCode.OK);
        using var http = Client(tokens, transport);

        using var response = await http.GetAsync("account", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer first", Assert.Single(transport.Sent).Authorization);
        Assert.Empty(tokens.Rejected);
    }

    [Fact]
    public async Task Unauthorized_RenewsTheRefusedTokenOnce_AndSendsTheRequestAgainWithTheNewOne()
    {
        var tokens = new RenewableTokens();
        var transport = new StubTransport((request, _) =>
            new HttpResponseMessage(request.Headers.Authorization?.Parameter == "first" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK));
        using var http = Client(tokens, transport);

        using var response = await http.GetAsync("account", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer first", "Bearer second"], transport.Sent.Select(a => a.Authorization));
        Assert.Equal(["first"], tokens.Rejected);
    }

    [Fact]
    public async Task Unauthorized_OnAWrite_SendsTheSameBodyAgain()
    {
        var transport = new StubTransport((_, attempt) => new HttpResponseMessage(attempt == 1 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK));
        using var http = Client(new RenewableTokens(), transport);

        using var response = await http.PostAsJsonAsync("leads/notes", new[] { new { entity_id = 7, note_type = "common" } }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, transport.Sent.Count);
        Assert.Equal(transport.Sent[0].Body, transport.Sent[1].Body);
        Assert.Contains("\"entity_id\":7", transport.Sent[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondUnauthorized_IsTheAnswer_WithoutAThirdTry()
    {
        var tokens = new RenewableTokens();
        var transport = new StubTransport(HttpStatusCode.Unauthorized);
        using var http = Client(tokens, transport);

        using var response = await http.GetAsync("account", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, transport.Sent.Count);
        Assert.Equal(["first"], tokens.Rejected);
    }

    [Fact]
    public async Task Unauthorized_WithALongLivedToken_IsTheAnswer_WithoutARetry()
    {
        var transport = new StubTransport(HttpStatusCode.Unauthorized);
        using var http = Client(new StaticKommoAccessTokens("long-lived"), transport);

        using var response = await http.GetAsync("account", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer long-lived", Assert.Single(transport.Sent).Authorization);
    }

    [Fact]
    public async Task RenewalFailing_SurfacesItsFailure_AndSendsNothingMore()
    {
        var refused = new UpstreamException(UpstreamService.Kommo, "Kommo refused the refresh token", HttpStatusCode.BadRequest, isTransient: false);
        var transport = new StubTransport(HttpStatusCode.Unauthorized);
        using var http = Client(new RenewableTokens(renewal: refused), transport);

        var thrown = await Assert.ThrowsAsync<UpstreamException>(() => http.GetAsync("account", CancellationToken.None));

        Assert.Same(refused, thrown);
        Assert.Single(transport.Sent);
    }

    private static HttpClient Client(IKommoAccessTokens tokens, HttpMessageHandler transport) =>
        new(new AuthorizationHandler(new KommoAuthorization(tokens)) { InnerHandler = transport }) { BaseAddress = ApiRoot };

    /// <summary>Hands out "first"; renews to "second" (or fails with <paramref name="renewal"/>), noting which token was refused.</summary>
    private sealed class RenewableTokens(Exception? renewal = null) : IKommoAccessTokens
    {
        public List<string> Rejected { get; } = [];

        public ValueTask<string> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult("first");

        public Task<string?> RenewAfterRejectionAsync(string rejected, CancellationToken cancellationToken)
        {
            Rejected.Add(rejected);
            return renewal is null ? Task.FromResult<string?>("second") : Task.FromException<string?>(renewal);
        }
    }
}
