namespace ContractBridge.Web;

/// <summary>
/// Whether the webhooks found the database unreachable, so that an outage is logged once, a warning when it begins and a
/// line when the database answers again, however many deliveries it refuses meanwhile. Nothing waits on it: every
/// delivery still tries the database, and the first one that is stored ends the outage.
/// </summary>
public sealed partial class DatabaseOutage(TimeProvider time, ILogger<DatabaseOutage> logger)
{
    /// <summary>What a refused delivery is told to wait before it is sent again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly Lock gate = new();
    private DateTimeOffset? since;
    private long refused;
    private volatile bool ongoing;

    public bool IsOngoing => ongoing;

    /// <summary>A delivery was refused because the database did not answer, for <paramref name="reason"/>.</summary>
    public void Refused(string reason)
    {
        bool began;
        lock (gate)
        {
            began = since is null;
            since ??= time.GetUtcNow();
            refused++;
            ongoing = true;
        }

        if (began)
        {
            Log.Unreachable(logger, reason, (int)RetryAfter.TotalSeconds);
        }
    }

    /// <summary>A delivery was stored: if an outage was going on, it is over.</summary>
    public void Stored()
    {
        if (!ongoing)
        {
            return;
        }

        TimeSpan lasted;
        long count;
        lock (gate)
        {
            if (since is not { } start)
            {
                return;
            }

            lasted = time.GetUtcNow() - start;
            count = refused;
            since = null;
            refused = 0;
            ongoing = false;
        }

        Log.Answers(logger, lasted, count);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "The database is unreachable ({Reason}): webhooks are answered 503 with Retry-After {RetryAfterSeconds}s until it answers again. Logged once for the whole outage")]
        public static partial void Unreachable(ILogger logger, string reason, int retryAfterSeconds);

        [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "The database answers again after {Lasted}: webhooks are stored again ({Refused} were answered 503 meanwhile)")]
        public static partial void Answers(ILogger logger, TimeSpan lasted, long refused);
    }
}
