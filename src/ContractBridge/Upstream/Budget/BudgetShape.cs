using ContractBridge.Configuration;

namespace ContractBridge.Upstream.Budget;

/// <summary>
/// How a published limit ("N per window") is handed out to the fleet in slices. A slice of permits is granted at an
/// instant and may be spent until <see cref="SliceLifetime"/> after it; a call spent then reaches the server up to
/// <see cref="RateLimitOptions.ArrivalMargin"/> later still. So two slices can share one server window when they were
/// granted less than <see cref="Span"/> = window + lifetime + margin apart, and the budget grants at most N permits in
/// any span: whatever window the server counts in (fixed, sliding, aligned anywhere), it sees at most N.
/// The price is throughput: N per span instead of N per window (Kommo's 7 per second becomes 7 per 1.15 s with the
/// default 100 ms margin and the 50 ms shortest slice life).
/// </summary>
public sealed record BudgetShape(int Permits, TimeSpan Window, TimeSpan SliceLifetime, TimeSpan ArrivalMargin, int MaxSlice)
{
    /// <summary>How long a granted permit counts against the fleet.</summary>
    public TimeSpan Span => Window + SliceLifetime + ArrivalMargin;

    /// <summary>
    /// A slice must outlive the lease that fetched it: its life is counted from before the store's round trip, so a
    /// life shorter than a round trip (a tenth of a window shrunk for a scaled clock, against a loaded database) expires
    /// every slice on arrival and no call is ever sent. Longer is not better on a busy host: at the bench's 60× clock
    /// (Ironclad's window 1 s) a 100 ms minimum let three instances on two cores send calls late enough for 3 Ironclad
    /// 429s in a burst of 1,000, where 50 ms received none (2026-12-02).
    /// </summary>
    public static readonly TimeSpan MinimumSliceLifetime = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Slices live a fortieth of the window, and at least <see cref="MinimumSliceLifetime"/>, and hold at most a quarter
    /// of the permits (rounded up: Kommo's 7 gives slices of 2), so one busy instance cannot take the whole window while
    /// the others wait. The life is what the fleet pays for leasing (see <see cref="Span"/>): a fortieth costs Ironclad's
    /// minute 1.5 s (40 per 61.6 s with the default margin, 1.03×) where a tenth cost 6 s (1.10×). A slice is sized to the
    /// callers already waiting for it, so it is spent as soon as they run; a shorter life only wastes what a starved host
    /// does not spend in time (the permits still count for the span), and the minimum keeps that rare.
    /// </summary>
    public static BudgetShape For(RateLimitOptions limit) =>
        new(limit.Permits, limit.Window, Max(limit.Window / LifetimeDivisor, MinimumSliceLifetime), limit.ArrivalMargin, Math.Max(1, (limit.Permits + 3) / 4));

    /// <summary>The window divided by this is a slice's life (above the minimum).</summary>
    public const int LifetimeDivisor = 40;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
