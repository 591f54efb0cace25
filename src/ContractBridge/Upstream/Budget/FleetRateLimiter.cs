using System.Threading.RateLimiting;

namespace ContractBridge.Upstream.Budget;

/// <summary>
/// This process's share of one upstream bucket's fleet budget (see <see cref="BudgetShape"/>). Calls spend permits of a
/// local slice; when it is spent or expired, one caller at a time leases the next slice from the shared store (one round
/// trip) while the others wait, so the store sees one round trip per slice, not per call. A slice is sized to the
/// demand: the callers waiting, or twice the last slice when that one was spent before it expired, up to
/// <see cref="BudgetShape.MaxSlice"/>. Each lease settles the slice before it (what it spent, when the last call went),
/// so a slice spent at once counts for a window and the margin, not the whole span. A 429 holds the bucket for the whole fleet for a window (see
/// <see cref="OnTooManyRequestsAsync"/>). Every instant comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class FleetRateLimiter(string bucket, BudgetShape shape, IRateBudgetStore store, TimeProvider time) : RateLimiter, ITooManyRequestsListener
{
    private readonly SemaphoreSlim leasing = new(1, 1);
    private readonly Lock gate = new();
    private readonly string owner = Guid.NewGuid().ToString("N");
    private int remaining;
    private int lastSlice;
    private DateTimeOffset sliceGrantedAt;
    private DateTimeOffset sliceExpires;
    private DateTimeOffset lastTakenAt;
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
        SettledSlice? settle;
        lock (gate)
        {
            var spentInTime = lastSlice > 0 && remaining == 0 && now < sliceExpires;
            want = Math.Clamp(Math.Max(Volatile.Read(ref waiting), spentInTime ? lastSlice * 2 : 1), 1, Shape.MaxSlice);
            settle = Settle();
        }

        Interlocked.Increment(ref storeRoundTrips);
        var grant = await store.LeaseAsync(new BudgetRequest(Bucket, owner, want, Shape.Permits, now, Shape.Span, settle), cancellationToken);
        lock (gate)
        {
            // Permits left of an older slice are dropped with it (the settle above gave them back to the fleet).
            remaining = grant.Granted;
            lastSlice = grant.Granted;
            sliceGrantedAt = now;
            sliceExpires = now + Shape.SliceLifetime;
            if (grant.Granted == 0)
            {
                notBefore = Max(notBefore, grant.NextFreeAt);
            }
        }
    }

    /// <summary>
    /// The previous slice as it ends: how many of its permits were spent, and that it counts until the last one's call
    /// has left the server's window (sent by <see cref="lastTakenAt"/>, arriving up to the margin later). Called under the gate.
    /// </summary>
    private SettledSlice? Settle()
    {
        if (lastSlice == 0)
        {
            return null;
        }

        var used = lastSlice - remaining;
        return new SettledSlice(sliceGrantedAt, used, used == 0 ? sliceGrantedAt : lastTakenAt + Shape.Window + Shape.ArrivalMargin);
    }

    private bool TryTake()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (!HasPermit(now))
            {
                return false;
            }

            lastTakenAt = now;
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
