namespace ContractBridge.Flows.Renewals;

/// <summary>
/// When a renewal task is due: <c>RenewalTaskDaysBefore</c> days before the expiration date, at noon UTC (noon keeps the
/// day the same for every time zone from UTC−11 to UTC+11). A contract already closer to its expiry than that (or past
/// it) gets a task due within the hour rather than one overdue from the start.
/// </summary>
public static class RenewalSchedule
{
    public static readonly TimeOnly DueTime = new(12, 0);

    public static readonly TimeSpan LateTaskDueIn = TimeSpan.FromHours(1);

    public static DateTimeOffset DueAt(DateOnly expiration, int daysBefore, DateTimeOffset now)
    {
        var target = new DateTimeOffset(expiration.AddDays(-daysBefore).ToDateTime(DueTime), TimeSpan.Zero);
        return target > now ? target : now + LateTaskDueIn;
    }
}
