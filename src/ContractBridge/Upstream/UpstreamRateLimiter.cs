using System.Threading.RateLimiting;
using ContractBridge.Configuration;

namespace ContractBridge.Upstream;

/// <summary>
/// Builds the client-side limiter for a published upstream limit ("N per window").
/// A sliding window holds each permit until at least one full upstream window after it was used: with S segments a
/// permit taken anywhere in a segment is returned S segments after that segment began, so the window is stretched by
/// two segments (one for the segment, one as a margin for requests that reach the server a little late). The cost is
/// 2/S of the throughput (4% with 50 segments) against never seeing a 429 from a fixed- or sliding-window server.
/// Segments are never shorter than <see cref="MinimumSegment"/>: the limiter slides on a timer, and a timer period under a
/// millisecond rounds to zero, which fires once and never again; and the margin of two segments must outlast the jitter
/// between taking a permit and the request reaching the server. That only matters for short windows (Kommo's second
/// on a clock 60 times faster is 17 ms: 5 ms segments left an 11 ms margin, and a loaded machine received 429s);
/// windows of half a second or more keep their 50 segments.
/// </summary>
public static class UpstreamRateLimiter
{
    public const int MaxSegments = 50;

    public static readonly TimeSpan MinimumSegment = TimeSpan.FromMilliseconds(10);

    public static RateLimiter Create(RateLimitOptions limit)
    {
        var segments = (int)Math.Clamp(limit.Window / MinimumSegment, 1, MaxSegments);
        var segment = limit.Window / segments;
        return new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit.Permits,
            Window = limit.Window + (2 * segment),
            SegmentsPerWindow = segments + 2,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
