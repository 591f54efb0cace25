using ContractBridge.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace ContractBridge.Engine.Jobs;

/// <summary>
/// Keeps this engine's row in <see cref="IEngineInstances"/> alive: registered before the first claim, renewed every
/// HeartbeatInterval to InstanceTimeout ahead, deleted on a graceful stop. Once a minute it also deletes the rows of
/// instances silent for an hour that hold no running jobs. A failed write is logged and tried again at the next beat;
/// should the beats fail for longer than InstanceTimeout, other instances may take this one's jobs over (its leases
/// are then lost, which its batches' lease renewals report).
/// </summary>
internal sealed partial class InstanceHeartbeat : IAsyncDisposable
{
    /// <summary>How long a silent instance's row is kept once it holds no running job (it tells an operator who died).</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromMinutes(1);

    private readonly IEngineInstances instances;
    private readonly JobEngineOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private Task beating = Task.CompletedTask;
    private int disposed;

    public InstanceHeartbeat(IEngineInstances instances, JobEngineOptions options, TimeProvider time, ILogger logger)
    {
        this.instances = instances;
        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Registers the instance (a failure is logged: its jobs are then judged by their leases alone) and starts beating.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            await instances.RegisterInstanceAsync(options.InstanceId, now, now + options.InstanceTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.BeatFailed(logger, ex, options.InstanceId);
        }

        beating = Task.Run(BeatLoopAsync, CancellationToken.None);
    }

    /// <summary>Stops beating and deletes the row: the instance has finished or released all of its jobs by now.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stop.CancelAsync();
        await beating;
        try
        {
            await instances.RemoveInstanceAsync(options.InstanceId, cancellationToken);
        }
        catch (Exception ex)
        {
            // Its row stops beating, so it reads as a dead instance, which holds nothing: harmless, and forgotten later.
            Log.RemoveFailed(logger, ex, options.InstanceId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stop.CancelAsync();
        await beating;
        stop.Dispose();
    }

    private async Task BeatLoopAsync()
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval, time);
        var lastHousekeeping = DateTimeOffset.MinValue;
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var now = time.GetUtcNow();
                try
                {
                    await instances.BeatInstanceAsync(options.InstanceId, now, now + options.InstanceTimeout, stop.Token);
                    if (now - lastHousekeeping >= HousekeepingInterval)
                    {
                        lastHousekeeping = now;
                        await instances.ForgetSilentInstancesAsync(now - ForgetAfter, stop.Token);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.BeatFailed(logger, ex, options.InstanceId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "Job engine {InstanceId} could not write its heartbeat; trying again at the next beat")]
        public static partial void BeatFailed(ILogger logger, Exception exception, string instanceId);

        [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "Job engine {InstanceId} could not delete its instance row on stop; it will read as a dead instance holding no jobs")]
        public static partial void RemoveFailed(ILogger logger, Exception exception, string instanceId);
    }
}
