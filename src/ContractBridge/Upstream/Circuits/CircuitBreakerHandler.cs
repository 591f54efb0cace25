using System.Net;
using System.Net.Http.Headers;
using ContractBridge.Observability;
using Polly.Timeout;

namespace ContractBridge.Upstream.Circuits;

/// <summary>
/// Puts one upstream's <see cref="CircuitBreaker"/> in front of its calls. A refused call fails fast with a transient
/// <see cref="UpstreamException"/> whose RetryAfter is what the break has left, so its job waits instead of hammering.
/// Sits just inside <see cref="UpstreamErrorHandler"/>: it sees one outcome per call (after the read retries, which
/// already absorbed a blip), and the raw answer, before it becomes an exception.
/// </summary>
public sealed partial class CircuitBreakerHandler(
    CircuitBreaker breaker,
    Func<HttpResponseMessage, bool> isBlockPage,
    BridgeMetrics metrics,
    ILogger<CircuitBreakerHandler> logger) : DelegatingHandler
{
    private readonly string _service = breaker.Service.ToString().ToLowerInvariant();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var permit = breaker.TryEnter();
        if (!permit.Allowed)
        {
            metrics.UpstreamCircuitRefused.Add(1, new KeyValuePair<string, object?>("service", _service));
            throw Refusal(request, permit.RetryAfter);
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex)
        {
            var failed = ex is HttpRequestException or TimeoutRejectedException
                || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);
            Report(breaker.Record(permit, failed ? CircuitOutcome.Failed : CircuitOutcome.Unknown));
            throw;
        }

        var outcome = Classify(response);
        Report(breaker.Record(permit, outcome));
        if (outcome == CircuitOutcome.Blocked && response.Headers.RetryAfter is null && breaker.Snapshot().NextProbeAt is { } probe)
        {
            // The block page gives no Retry-After: the job that met it comes back when the next probe is due, as the
            // jobs refused after it do, so one of them is there to probe.
            response.Headers.RetryAfter = new RetryConditionHeaderValue(probe - breaker.Now);
        }

        return response;
    }

    private CircuitOutcome Classify(HttpResponseMessage response) =>
        isBlockPage(response) ? CircuitOutcome.Blocked
        : (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout ? CircuitOutcome.Failed
        : CircuitOutcome.Answered;

    private UpstreamException Refusal(HttpRequestMessage request, TimeSpan retryAfter)
    {
        var service = breaker.Service;
        var snapshot = breaker.Snapshot();
        var why = snapshot.Blocked
            ? $"{service} has blocked this integration's IP; all {service} calls are paused"
            : $"{service} is failing every call (circuit open since {snapshot.UnavailableSince:HH:mm:ss} UTC)";
        return new UpstreamException(
            service, $"{service} {UpstreamText.Describe(request)} not sent: {why}; next try in {retryAfter.TotalSeconds:0} s", null, isTransient: true, retryAfter);
    }

    private void Report(CircuitTransition transition)
    {
        switch (transition)
        {
            case CircuitTransition.Opened:
                Log.Opened(logger, breaker.Service);
                break;
            case CircuitTransition.Blocked:
                metrics.UpstreamBlocked.Add(1, new KeyValuePair<string, object?>("service", _service));
                Log.Blocked(logger, breaker.Service);
                break;
            case CircuitTransition.Closed:
                Log.Closed(logger, breaker.Service);
                break;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "{Service} is failing nearly every call; its circuit is open: calls wait and one probe at a time checks whether it answers again")]
        public static partial void Opened(ILogger logger, UpstreamService service);

        [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "{Service} has blocked this integration's IP (403 block page); all {Service} calls are paused and probed every few minutes. Kommo support must lift the block")]
        public static partial void Blocked(ILogger logger, UpstreamService service);

        [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "{Service} answers again; its circuit is closed")]
        public static partial void Closed(ILogger logger, UpstreamService service);
    }
}
