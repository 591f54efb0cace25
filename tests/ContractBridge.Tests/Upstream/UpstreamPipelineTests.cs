using System.Net;
using System.Threading.RateLimiting;
using ContractBridge.Hosting;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;
using ContractBridge.Kommo.Http;
using ContractBridge.Observability;
using ContractBridge.Tests.Upstream.Support;
using ContractBridge.Upstream;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Upstream;

/// <summary>
/// The handlers in the order the bridge registers them: reads are retried before any failure is mapped, writes are
/// sent once, a 401 is renewed once per call, and every attempt that reaches the wire costs a rate-limit permit.
/// </summary>
public sealed class UpstreamPipelineTests : IAsyncDisposable
{
    private const string Account = """{"id":1,"name":"Acme","subdomain":"acme"}""";

    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions { PermitLimit = 10, QueueLimit = 10 });
    private ServiceProvider? _provider;

    [Fact]
    public async Task ReadAnsweredWith503_IsRetried_AndTheClientGetsTheAnswer()
    {
        var transport = new StubTransport((_, attempt) => attempt == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : Ok(Account));

        var account = await Client(transport).GetAccountAsync(withDriveUrl: false, CancellationToken.None);

        Assert.Equal(1, account.Id);
        Assert.Equal(2, transport.Sent.Count);
        Assert.Equal(2, _limiter.GetStatistics()!.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task ReadFailingOnEveryAttempt_SurfacesTheLastAnswer_AfterThreeAttempts()
    {
        var transport = new StubTransport(HttpStatusCode.BadGateway);

        var failure = await Assert.ThrowsAsync<UpstreamException>(() => Client(transport).GetAccountAsync(withDriveUrl: false, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadGateway, failure.Status);
        Assert.True(failure.IsTransient);
        Assert.Equal(3, transport.Sent.Count);
    }

    [Fact]
    public async Task WriteAnsweredWith503_IsSentOnce_AndSurfacesAsTransient()
    {
        var transport = new StubTransport(HttpStatusCode.ServiceUnavailable);

        var failure = await Assert.ThrowsAsync<UpstreamException>(() => Client(transport).AddNotesAsync([KommoNewNote.Common(7, "hello")], CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.Status);
        Assert.Single(transport.Sent);
    }

    [Fact]
    public async Task Unauthorized_IsRenewedOnce_AndTheCallSucceeds()
    {
        var transport = new StubTransport((request, _) =>
            request.Headers.Authorization?.Parameter == "first" ? new HttpResponseMessage(HttpStatusCode.Unauthorized) : Ok(Account));

        var account = await Client(transport).GetAccountAsync(withDriveUrl: false, CancellationToken.None);

        Assert.Equal(1, account.Id);
        Assert.Equal(["Bearer first", "Bearer second"], transport.Sent.Select(a => a.Authorization));
    }

    [Fact]
    public async Task UnauthorizedAgain_AfterTheRenewal_IsAPermanentFailure()
    {
        var transport = new StubTransport(HttpStatusCode.Unauthorized);

        var failure = await Assert.ThrowsAsync<UpstreamException>(() => Client(transport).GetAccountAsync(withDriveUrl: false, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, failure.Status);
        Assert.False(failure.IsTransient);
        Assert.Equal(2, transport.Sent.Count);
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        _limiter.Dispose();
    }

    private static HttpResponseMessage Ok(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    private KommoClient Client(StubTransport transport)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<BridgeMetrics>();
        services.AddHttpClient<KommoClient>(http => http.BaseAddress = new Uri("https://acme.kommo.com/api/v4/"))
            .AddUpstreamPipeline(
                UpstreamService.Kommo,
                new KommoProblemReader(),
                _ => new KommoAuthorization(new RenewingTokens()),
                _ => TimeSpan.FromSeconds(10),
                _ => _ => _limiter)
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        _provider = services.BuildServiceProvider();
        return _provider.GetRequiredService<KommoClient>();
    }

    private sealed class RenewingTokens : IKommoAccessTokens
    {
        public ValueTask<string> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult("first");

        public Task<string?> RenewAfterRejectionAsync(string rejected, CancellationToken cancellationToken) => Task.FromResult<string?>("second");
    }
}
