using System.Threading.RateLimiting;

namespace ContractBridge.Upstream.Budget;

/// <summary>
/// This process's share of one upstream bucket's fleet budget (see <see cref="BudgetShape"/>). Calls spend permits of a
/// local slice; when it is spent or expired, one caller at a time leases the next slice from the shared store (one round
/// trip) while the others wait, so the store sees one round trip per slice, not per call. A slice is sized to the
/// demand: the callers waiting, or twice the last slice when that one was spent before it expired, up to
/// <see cref="BudgetShape.MaxSlice"/>. A 429 holds the bucket for the whole fleet for a window (see
/// <see cref="OnTooManyRequestsAsync"/>). Every instant comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class FleetRateLimiter(string bucket, BudgetShape shape, IRateBudgetStore store, TimeProvider time) : RateLimiter, ITooManyRequestsListener
{
    private readonly SemaphoreSlim leasing = new(1, 1);
    private readonly Lock gate = new();
    private int remaining;
    private int lastSlice;
    private DateTimeOffset sliceExpires;
    private DateTimeOffset notBefore;
    private int waiting;
    private long successful;
    private long storeRoundTrips;

    public string Bucket { get; } = bucket;

    public BudgetShape Shape { get; } = shape;

    /// <summary>Leases and holds sent to the store since start: divide by <see cref="Granted"/> for the cost per call.</summary>
    public long StoreRoundTrips => Interlocked.Read(ref storeRoundTrips);

    /// <summary>Permits handed to callers since start.</summary>
    public long Granted => Interlocked.Read(ref successful);

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics GetStatistics()
    {
        lock (gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = time.GetUtcNow() < sliceExpires ? remaining : 0,
                CurrentQueuedCount = Volatile.Read(ref waiting),
                TotalSuccessfulLeases = Interlocked.Read(ref successful),
                TotalFailedLeases = 0,
            };
        }
    }

    /// <summary>
    /// An upstream 429 means the fleet sent too much for the server's count: stop spending this slice, and hold the bucket
    /// for one window, here at once and in the store for every other instance (they see it at their next lease).
    /// </summary>
    public async Task OnTooManyRequestsAsync(CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + Shape.Window;
        lock (gate)
        {
            remaining = 0;
            notBefore = Max(notBefore, until);
        }

        Interlocked.Increment(ref storeRoundTrips);
        await store.HoldAsync(Bucket, until, cancellationToken);
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermitCount(permitCount);
        return permitCount == 0 || TryTake() ? BudgetLease.Acquired : BudgetLease.Refused;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckPermitCount(permitCount);
        if (permitCount == 0)
        {
            return BudgetLease.Acquired;
        }

        Interlocked.Increment(ref waiting);
        try
        {
            while (!TryTake())
            {
                await DelayUntilAsync(NotBefore(), cancellationToken);
                await leasing.WaitAsync(cancellationToken);
                try
                {
                    // Another caller may have leased while this one waited its turn.
                    var now = time.GetUtcNow();
                    if (!HasPermit(now) && now >= NotBefore())
                    {
                        await LeaseSliceAsync(now, cancellationToken);
                    }
                }
                finally
                {
                    leasing.Release();
                }
            }

            return BudgetLease.Acquired;
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            leasing.Dispose();
        }

        base.Dispose(disposing);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The fleet leases one permit per call, as every upstream call costs one at the server.</summary>
    private static void CheckPermitCount(int permitCount)
    {
        if (permitCount is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "The fleet budget grants one permit per call.");
        }
    }

    private async Task LeaseSliceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        int want;
        lock (gate)
        {
            var spentInTime = lastSlice > 0 && remaining == 0 && now < sliceExpires;
            want = Math.Clamp(Math.Max(Volatile.Read(ref waiting), spentInTime ? lastSlice * 2 : 1), 1, Shape.MaxSlice);
        }

        Interlocked.Increment(ref storeRoundTrips);
        var grant = await store.LeaseAsync(new BudgetRequest(Bucket, want, Shape.Permits, now, Shape.Span), cancellationToken);
        lock (gate)
        {
            // Permits left of an older slice are dropped with it: they counted from its grant, not this one's.
            remaining = grant.Granted;
            lastSlice = grant.Granted;
            sliceExpires = now + Shape.SliceLifetime;
            if (grant.Granted == 0)
            {
                notBefore = Max(notBefore, grant.NextFreeAt);
            }
        }
    }

    private bool TryTake()
    {
        lock (gate)
        {
            if (!HasPermit(time.GetUtcNow()))
            {
                return false;
            }

            remaining--;
            Interlocked.Increment(ref successful);
            return true;
        }
    }

    private bool HasPermit(DateTimeOffset now)
    {
        lock (gate)
        {
            return remaining > 0 && now < sliceExpires && now >= notBefore;
        }
    }

    private DateTimeOffset NotBefore()
    {
        lock (gate)
        {
            return notBefore;
        }
    }

    private Task DelayUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var delay = until - time.GetUtcNow();
        return delay > TimeSpan.Zero ? Task.Delay(delay, time, cancellationToken) : Task.CompletedTask;
    }
}
