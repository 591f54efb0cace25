using System.Net;
using System.Threading.RateLimiting;

namespace ContractBridge.Upstream;

/// <summary>
/// Waits for a permit of the limiter that covers the request before sending it, so a burst queues here instead of
/// collecting 429s upstream. Sits innermost, so every retry costs a permit as it does at the server. A 429 that comes
/// back anyway is told to the limiter when it listens (<see cref="ITooManyRequestsListener"/>): the fleet then holds that
/// bucket for the window, so the job engine's retry of this call, and every other call, waits instead of storming.
/// </summary>
public sealed class RateLimitingHandler(Func<HttpRequestMessage, RateLimiter> limiterFor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var limiter = limiterFor(request);
        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The upstream rate limiter refused a permit: its queue is full.");
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && limiter is ITooManyRequestsListener listener)
        {
            await listener.OnTooManyRequestsAsync(cancellationToken);
        }

        return response;
    }
}
