using System.Diagnostics;
using ContractBridge.Configuration;
using ContractBridge.Upstream;

namespace ContractBridge.Tests.Upstream;

public sealed class UpstreamRateLimiterTests
{
    [Theory]
    [InlineData(5, 100)]
    [InlineData(7, 17)]
    [InlineData(40, 1000)]
    public async Task NeverGrantsMoreThanTheLimit_InAnyWindow_AndKeepsGranting(int permits, int windowMs)
    {
        var window = TimeSpan.FromMilliseconds(windowMs);
        using var limiter = UpstreamRateLimiter.Create(new RateLimitOptions { Permits = permits, Window = window });
        var clock = Stopwatch.StartNew();
        var granted = new List<TimeSpan>();

        for (var i = 0; i < permits * 3; i++)
        {
            using var lease = await limiter.AcquireAsync(1);
            Assert.True(lease.IsAcquired);
            granted.Add(clock.Elapsed);
        }

        // The limiter may be slower than the limit, never faster: any `permits + 1` grants span more than one window.
        for (var i = permits; i < granted.Count; i++)
        {
            Assert.True(granted[i] - granted[i - permits] >= window, $"grants {i - permits} and {i} are {(granted[i] - granted[i - permits]).TotalMilliseconds} ms apart");
        }
    }
}
