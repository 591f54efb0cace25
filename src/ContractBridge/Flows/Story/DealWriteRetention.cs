using ContractBridge.Engine.Hosting;

namespace ContractBridge.Flows.Story;

/// <summary>
/// Deletes deal writes older than <see cref="DealStoryOptions.KeepWritesFor"/> at each retention interval, so the table
/// stays bounded however long the service runs. Idempotent: every instance may run it.
/// </summary>
public sealed partial class DealWriteRetention(IDealWriteLog log, IOptions<DealStoryOptions> story, IOptions<RetentionOptions> retention, TimeProvider time, ILogger<DealWriteRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(retention.Value.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var purged = await log.PurgeAsync(time.GetUtcNow() - story.Value.KeepWritesFor, stoppingToken);
                if (purged > 0)
                {
                    Log.Purged(logger, purged);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.Failed(logger, ex);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9863, Level = LogLevel.Information, Message = "Retention: deleted {Count} deal writes")]
        public static partial void Purged(ILogger logger, long count);

        [LoggerMessage(EventId = 9864, Level = LogLevel.Warning, Message = "Deal-write retention pass failed; it runs again at the next interval")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
