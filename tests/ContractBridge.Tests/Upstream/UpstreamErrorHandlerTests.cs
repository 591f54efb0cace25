using System.Net;
using System.Net.Http.Headers;
using ContractBridge.Kommo.Http;
using ContractBridge.Tests.Upstream.Support;
using ContractBridge.Upstream;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Upstream;

/// <summary>
/// Every failure of a call becomes an <see cref="UpstreamException"/>: broken connections and timeouts are transient,
/// answers are classified by the service's reader with the server's Retry-After, read on the injected clock.
/// </summary>
public sealed class UpstreamErrorHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Success_IsPassedOnUntouched()
    {
        using var http = Client(new StubTransport((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent)));

        using var response = await http.GetAsync("leads", CancellationToken.None);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task BrokenConnection_IsTransient_AndNamesTheCallWithoutItsQuery()
    {
        using var http = Client(new StubTransport((_, _) => throw new HttpRequestException("Connection reset by peer")));

        var failure = await Assert.ThrowsAsync<UpstreamException>(() => http.GetAsync("leads?filter[id][]=42", CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.Null(failure.Status);
        Assert.Equal("Kommo GET /api/v4/leads failed: Connection reset by peer", failure.Message);
        Assert.IsType<HttpRequestException>(failure.InnerException);
    }

    [Fact]
    public async Task CallTimingOut_IsTransient()
    {
        using var http = Client(new StubTransport((_, _) => throw new TaskCanceledException("The operation was canceled.")));

        var failure = await Assert.ThrowsAsync<UpstreamException>(() => http.GetAsync("account", CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.Equal("Kommo GET /api/v4/account timed out", failure.Message);
    }

    [Fact]
    public async Task ResilienceTimeout_IsTransient_AndNamesTheService()
    {
        using var http = Client(new StubTransport((_, _) => throw new Polly.Timeout.TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:30'.")));

        var failure = await Assert.ThrowsAsync<UpstreamException>(() => http.GetAsync("account", CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.Equal("Kommo GET /api/v4/account timed out", failure.Message);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(failure.InnerException);
    }

    [Fact]
    public async Task CallerCancelling_IsNotAnUpstreamFailure()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var http = Client(new StubTransport((_, _) => throw new TaskCanceledException("The operation was canceled.", null, cancelled.Token)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.GetAsync("account", cancelled.Token));
    }

    [Fact]
    public async Task RetryAfter_InSeconds_IsTheDelay()
    {
        using var http = Client(Answer(HttpStatusCode.TooManyRequests, h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30))));

        var failure = await Assert.ThrowsAsync<UpstreamException>(() => http.GetAsync("leads", CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, failure.Status);
        Assert.True(failure.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(30), failure.RetryAfter);
    }

    [Fact]
    public async Task RetryAfter_AsAnHttpDate_IsMeasuredOnTheInjectedClock()
    {
        using var http = Client(Answer(HttpStatusCode.ServiceUnavailable, h => h.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(90))));

        var failure = await Assert.ThrowsAsync<UpstreamException>(() => http.GetAsync("leads", CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(90), failure.RetryAfter);
    }

    [Fact]
    public async Task NoRetryAfter_LeavesTheDelayToTheEngine()
    {
        using var http = Client(Answer(HttpStatusCode.BadGateway, _ => { }));

        var failure = await Assert.ThrowsAsync<UpstreamException>(() => http.GetAsync("leads", CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.Null(failure.RetryAfter);
    }

    [Fact]
    public async Task Answer_IsClassifiedByTheServicesReader_FromItsBodyAndMediaType()
    {
        using var http = Client(new StubTransport((_, _) => new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            Content = new StringContent("<html><body>Account blocked</body></html>", System.Text.Encoding.UTF8, "text/html"),
        }));

        var failure = await Assert.ThrowsAsync<UpstreamException>(() => http.GetAsync("leads", CancellationToken.None));

        Assert.Equal(UpstreamService.Kommo, failure.Service);
        Assert.True(failure.IsTransient);
        Assert.Contains("the account is blocked", failure.Message, StringComparison.Ordinal);
    }

    private static StubTransport Answer(HttpStatusCode status, Action<HttpResponseHeaders> headers) => new((_, _) =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("") };
        headers(response.Headers);
        return response;
    });

    private static HttpClient Client(HttpMessageHandler transport) =>
        new(new UpstreamErrorHandler(UpstreamService.Kommo, new KommoProblemReader(), new FakeTimeProvider(Now)) { InnerHandler = transport })
        {
            BaseAddress = new Uri("https://acme.kommo.com/api/v4/"),
        };
}
