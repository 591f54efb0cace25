using System.Threading.RateLimiting;
using ContractBridge.Configuration;
using ContractBridge.Upstream;

namespace ContractBridge.Hosting;

/// <summary>
/// One client-side limiter per published upstream limit, shared by every call in this process: Kommo's 7 requests a
/// second per integration, and Ironclad's per-company buckets (workflow writes 40/min, workflow reads 400/min, the rest).
/// </summary>
public sealed class UpstreamLimiters : IDisposable
{
    public UpstreamLimiters(IOptions<BridgeOptions> options)
    {
        var o = options.Value;
        Kommo = UpstreamRateLimiter.Create(o.Kommo.RateLimit);
        IroncladWrites = UpstreamRateLimiter.Create(o.Ironclad.WriteRateLimit);
        IroncladReads = UpstreamRateLimiter.Create(o.Ironclad.ReadRateLimit);
        IroncladOther = UpstreamRateLimiter.Create(o.Ironclad.OtherRateLimit);
    }

    public RateLimiter Kommo { get; }

    public RateLimiter IroncladWrites { get; }

    public RateLimiter IroncladReads { get; }

    public RateLimiter IroncladOther { get; }

    /// <summary>Ironclad counts /workflows* calls in the workflow buckets (GET: read; the rest: write).</summary>
    public RateLimiter ForIronclad(HttpRequestMessage request, Uri apiRoot)
    {
        var path = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : request.RequestUri?.OriginalString ?? string.Empty;
        var relative = path.StartsWith(apiRoot.AbsolutePath, StringComparison.Ordinal) ? path[apiRoot.AbsolutePath.Length..] : path.TrimStart('/');
        if (!relative.StartsWith("workflows", StringComparison.Ordinal))
        {
            return IroncladOther;
        }

        return request.Method == HttpMethod.Get ? IroncladReads : IroncladWrites;
    }

    public void Dispose()
    {
        Kommo.Dispose();
        IroncladWrites.Dispose();
        IroncladReads.Dispose();
        IroncladOther.Dispose();
    }
}
