using System.Globalization;

namespace ContractBridge.Flows.Nudge;

/// <summary>
/// Which <c>Nudge.After</c> period a signature is in (0 before the first has passed, 1 after one, 2 after two, …) and
/// how the wait reads in a task ("5 days", "1 day", "3 hours").
/// </summary>
public static class NudgePeriod
{
    public static int Of(DateTimeOffset since, DateTimeOffset now, TimeSpan after) =>
        now <= since || after <= TimeSpan.Zero ? 0 : (int)Math.Min(int.MaxValue, (now - since).Ticks / after.Ticks);

    public static string Words(TimeSpan waited)
    {
        var (count, unit) = waited >= TimeSpan.FromDays(1) ? ((int)waited.TotalDays, "day")
            : waited >= TimeSpan.FromHours(1) ? ((int)waited.TotalHours, "hour")
            : (Math.Max(1, (int)waited.TotalMinutes), "minute");
        return string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? string.Empty : "s")}");
    }
}
