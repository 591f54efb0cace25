using ContractBridge.Configuration;
using ContractBridge.Upstream.Budget;

namespace ContractBridge.Hosting;

/// <summary>
/// One limiter per published upstream limit, each this process's share of the fleet's budget for it in the shared store
/// (see <see cref="FleetRateLimiter"/>): Kommo's 7 requests a second per integration, and Ironclad's per-company buckets
/// (workflow writes 40/min, workflow reads 400/min, the Sign step's routes 50/min, the rest). Every instance is configured with the published limits;
/// together they stay within them.
/// </summary>
public sealed class UpstreamLimiters : IDisposable
{
    public const string KommoBucket = "kommo";
    public const string IroncladWritesBucket = "ironclad:workflow-writes";
    public const string IroncladReadsBucket = "ironclad:workflow-reads";
    public const string IroncladSignStatusBucket = "ironclad:sign-status";
    public const string IroncladRecordReadsBucket = "ironclad:record-reads";
    public const string IroncladOtherBucket = "ironclad:other";

    public UpstreamLimiters(IOptions<BridgeOptions> options, IRateBudgetStore budgets, TimeProvider time)
    {
        var o = options.Value;
        Kommo = new FleetRateLimiter(KommoBucket, BudgetShape.For(o.Kommo.RateLimit), budgets, time);
        IroncladWrites = new FleetRateLimiter(IroncladWritesBucket, BudgetShape.For(o.Ironclad.WriteRateLimit), budgets, time);
        IroncladReads = new FleetRateLimiter(IroncladReadsBucket, BudgetShape.For(o.Ironclad.ReadRateLimit), budgets, time);
        IroncladSignStatus = new FleetRateLimiter(IroncladSignStatusBucket, BudgetShape.For(o.Ironclad.SignStatusRateLimit), budgets, time);

        IroncladRecordReads = new FleetRateLimiter(IroncladRecordReadsBucket, BudgetShape.For(o.Ironclad.RecordReadRateLimit), budgets, time);
        IroncladOther = new FleetRateLimiter(IroncladOtherBucket, BudgetShape.For(o.Ironclad.OtherRateLimit), budgets, time);
    }

    public FleetRateLimiter Kommo { get; }

    public FleetRateLimiter IroncladWrites { get; }

    public FleetRateLimiter IroncladReads { get; }

    /// <summary>Ironclad's records read limit (600 a minute), for GET /records*.</summary>
    public FleetRateLimiter IroncladRecordReads { get; }

    public FleetRateLimiter IroncladSignStatus { get; }

    public FleetRateLimiter IroncladOther { get; }

    public IEnumerable<FleetRateLimiter> All => [Kommo, IroncladWrites, IroncladReads, IroncladSignStatus, IroncladRecordReads, IroncladOther];

    /// <summary>
    /// Ironclad counts /workflows* calls in the workflow buckets (GET: read; the rest: write), except the Sign step's
    /// routes (/workflows/{id}/sign-status…: the status and reminders), which have their own; GET /records* apart too.
    /// </summary>
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

        if (relative.Contains("/sign-status", StringComparison.Ordinal))
        {
            return IroncladSignStatus;
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
