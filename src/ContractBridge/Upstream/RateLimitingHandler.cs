using System.Threading.RateLimiting;

namespace ContractBridge.Upstream;

/// <summary>
/// Waits for a permit of the limiter that covers the request before sending it, so a burst queues here instead of
/// collecting 429s upstream. Sits innermost, so every retry costs a permit as it does at the server.
/// </summary>
public sealed class RateLimitingHandler(Func<HttpRequestMessage, RateLimiter> limiterFor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiterFor(request).AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The upstream rate limiter refused a permit: its queue is full.");
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
