using ContractBridge.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContractBridge.Engine.Hosting;

/// <summary>
/// Deletes finished work older than <see cref="RetentionOptions.KeepFor"/> on a schedule, so a service that runs for
/// months keeps a small database. Deleting is idempotent, so several instances may all run it.
/// </summary>
public sealed partial class RetentionService(IBridgeStore store, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var purged = await store.PurgeAsync(time.GetUtcNow() - options.Value.KeepFor, stoppingToken);
                if (purged.Jobs + purged.Events > 0)
                {
                    Log.Purged(logger, purged.Jobs, purged.Events);
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
        [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Retention: deleted {Jobs} finished jobs and {Events} events")]
        public static partial void Purged(ILogger logger, long jobs, long events);

        [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Retention pass failed; it runs again at the next interval")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
