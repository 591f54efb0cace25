using System.Net;
using System.Threading.RateLimiting;
using ContractBridge.Observability;
using ContractBridge.Upstream;
using ContractBridge.Upstream.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace ContractBridge.Hosting;

/// <summary>
/// The one HTTP pipeline both upstream clients share, outermost first:
/// <list type="number">
/// <item><see cref="UpstreamErrorHandler"/>: every failure left at the end becomes an <see cref="UpstreamException"/>;
/// outermost, so the retries below still see raw 5xx answers and the clients see only successes.</item>
/// <item><see cref="CircuitBreakerHandler"/>: the service's breaker; one outcome per call (after the read retries), and
/// a refused call never costs a permit or reaches the wire.</item>
/// <item><see cref="AuthorizationHandler"/>: credentials, and one renewal after a 401; outside the retries, so a refused
/// token is renewed once per call, not once per attempt.</item>
/// <item>Resilience: a timeout per attempt and quick retries of reads (see <see cref="AddReadRetries"/>).</item>
/// <item><see cref="UpstreamMetricsHandler"/>: counts each attempt that reaches the wire.</item>
/// <item><see cref="RateLimitingHandler"/>: innermost, so every attempt costs a permit, as it does at the server.</item>
/// </list>
/// </summary>
public static class UpstreamHttpClientBuilderExtensions
{
    public static IHttpClientBuilder AddUpstreamPipeline(
        this IHttpClientBuilder client,
        UpstreamService service,
        IUpstreamProblemReader problems,
        Func<IServiceProvider, IUpstreamAuthorization> authorization,
        Func<IServiceProvider, TimeSpan> attemptTimeout,
        Func<IServiceProvider, Func<HttpRequestMessage, RateLimiter>> limiterFor,
        Func<HttpResponseMessage, bool>? isBlockPage = null)
    {
        // The breakers are per process, shared by every client of a service; registered here so the pipeline is whole
        // wherever it is added (the host binds their options from ContractBridge:Circuit).
        client.Services.AddOptions<CircuitBreakerOptions>();
        client.Services.TryAddSingleton<UpstreamCircuits>();
        client.Services.TryAddSingleton<LastUpstreamSuccess>();
        client.AddHttpMessageHandler(sp => new UpstreamErrorHandler(service, problems, sp.GetRequiredService<TimeProvider>()));
        client.AddHttpMessageHandler(sp => new CircuitBreakerHandler(
            sp.GetRequiredService<UpstreamCircuits>().For(service),
            isBlockPage ?? (_ => false),
            sp.GetRequiredService<BridgeMetrics>(),
            sp.GetRequiredService<ILogger<CircuitBreakerHandler>>()));
        client.AddHttpMessageHandler(sp => new AuthorizationHandler(authorization(sp)));
        client.AddResilienceHandler(service.ToString().ToLowerInvariant(), (pipeline, context) => AddReadRetries(pipeline, attemptTimeout(context.ServiceProvider)));
        client.AddHttpMessageHandler(sp => new UpstreamMetricsHandler(service, sp.GetRequiredService<BridgeMetrics>(), sp.GetRequiredService<LastUpstreamSuccess>()));
        client.AddHttpMessageHandler(sp => new RateLimitingHandler(limiterFor(sp)));
        return client;
    }

    /// <summary>
    /// A timeout per attempt, and quick retries for reads only (GETs that hit a connection error, a timeout or a 5xx).
    /// Writes are never retried here: a lost answer to a launch must go through the engine's checks, not be sent twice.
    /// 429s are not retried here either: the job engine backs off.
    /// </summary>
    private static void AddReadRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeSpan timeout)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
                _ => false,
            }),
        };
        retry.DisableForUnsafeHttpMethods();
        pipeline.AddRetry(retry);
        pipeline.AddTimeout(timeout);
    }
}
