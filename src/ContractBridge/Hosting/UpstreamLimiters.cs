using ContractBridge.Configuration;
using ContractBridge.Upstream.Budget;

namespace ContractBridge.Hosting;

/// <summary>
/// One limiter per published upstream limit, each this process's share of the fleet's budget for it in the shared store
/// (see <see cref="FleetRateLimiter"/>): Kommo's 7 requests a second per integration, and Ironclad's per-company buckets
/// (workflow writes 40/min, workflow reads 400/min, the rest). Every instance is configured with the published limits;
/// together they stay within them.
/// </summary>
public sealed class UpstreamLimiters : IDisposable
{
    public const string KommoBucket = "kommo";
    public const string IroncladWritesBucket = "ironclad:workflow-writes";
    public const string IroncladReadsBucket = "ironclad:workflow-reads";
    public const string IroncladRecordReadsBucket = "ironclad:record-reads";
    public const string IroncladOtherBucket = "ironclad:other";

    public UpstreamLimiters(IOptions<BridgeOptions> options, IRateBudgetStore budgets, TimeProvider time)
    {
        var o = options.Value;
        Kommo = new FleetRateLimiter(KommoBucket, BudgetShape.For(o.Kommo.RateLimit), budgets, time);
        IroncladWrites = new FleetRateLimiter(IroncladWritesBucket, BudgetShape.For(o.Ironclad.WriteRateLimit), budgets, time);
        IroncladReads = new FleetRateLimiter(IroncladReadsBucket, BudgetShape.For(o.Ironclad.ReadRateLimit), budgets, time);
        IroncladRecordReads = new FleetRateLimiter(IroncladRecordReadsBucket, BudgetShape.For(o.Ironclad.RecordReadRateLimit), budgets, time);
        IroncladOther = new FleetRateLimiter(IroncladOtherBucket, BudgetShape.For(o.Ironclad.OtherRateLimit), budgets, time);
    }

    public FleetRateLimiter Kommo { get; }

    public FleetRateLimiter IroncladWrites { get; }

    public FleetRateLimiter IroncladReads { get; }

    /// <summary>Ironclad's records read limit (600 a minute), for GET /records*.</summary>
    public FleetRateLimiter IroncladRecordReads { get; }

    public FleetRateLimiter IroncladOther { get; }

    public IEnumerable<FleetRateLimiter> All => [Kommo, IroncladWrites, IroncladReads, IroncladRecordReads, IroncladOther];

    /// <summary>Ironclad counts /workflows* calls in the workflow buckets (GET: read; the rest: write), and GET /records* apart.</summary>
    public FleetRateLimiter ForIronclad(HttpRequestMessage request, Uri apiRoot)
    {
        var path = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : request.RequestUri?.OriginalString ?? string.Empty;
        var relative = path.StartsWith(apiRoot.AbsolutePath, StringComparison.Ordinal) ? path[apiRoot.AbsolutePath.Length..] : path.TrimStart('/');
        if (relative.StartsWith("records", StringComparison.Ordinal) && request.Method == HttpMethod.Get)
        {
            return IroncladRecordReads;
        }

        if (!relative.StartsWith("workflows", StringComparison.Ordinal))
        {
            return IroncladOther;
        }

        return request.Method == HttpMethod.Get ? IroncladReads : IroncladWrites;
    }

    public void Dispose()
    {
        foreach (var limiter in All)
        {
            limiter.Dispose();
        }
    }
}
