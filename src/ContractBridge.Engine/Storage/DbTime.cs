namespace ContractBridge.Engine.Storage;

/// <summary>
/// Times are kept to the microsecond in both stores (PostgreSQL's timestamptz precision), so a value read back equals the
/// value written on either store, and comparisons such as "is this newer" agree between them. A service's own tables
/// keep instants the same way.
/// </summary>
public static class DbTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>SQLite stores instants as microseconds since the Unix epoch (an INTEGER compares and indexes fast).</summary>
    public static long ToMicroseconds(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    public static DateTimeOffset FromMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>Npgsql writes timestamptz from UTC DateTime values only; truncating here keeps both stores alike.</summary>
    public static DateTime ToUtcDateTime(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TicksPerMicrosecond), DateTimeKind.Utc);

    public static DateTimeOffset Truncate(DateTimeOffset time) => FromMicroseconds(ToMicroseconds(time));
}
