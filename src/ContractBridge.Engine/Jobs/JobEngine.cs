using ContractBridge.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContractBridge.Engine.Jobs;

/// <summary>
/// Runs every registered <see cref="IJobHandler"/> against the durable queue: one worker per kind. A hosted service, so
/// any .NET host starts and stops it; stopping lets running batches finish within the shutdown timeout, then releases
/// the rest to pending (their attempt stays counted: their effects may have begun). While it runs, its heartbeat keeps
/// its instance row alive; once the row stops beating (the process was killed), other instances take its jobs over.
/// </summary>
public sealed partial class JobEngine : IHostedService, IAsyncDisposable
{
    private readonly IJobStore store;
    private readonly InstanceHeartbeat heartbeat;
    private readonly IReadOnlyList<IJobHandler> handlers;
    private readonly JobWakeups wakeups;
    private readonly JobEngineOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<JobEngine> logger;
    private KindWorker[] workers = []; // published whole once every worker has started
    private IDisposable? commits;
    private int state; // 0 new, 1 started, 2 stopped

    public JobEngine(
        IJobStore store,
        IEngineInstances instances,
        IEnumerable<IJobHandler> handlers,
        JobWakeups wakeups,
        IOptions<JobEngineOptions> options,
        TimeProvider time,
        ILogger<JobEngine> logger)
    {
        this.store = store;
        this.handlers = [.. handlers];
        this.wakeups = wakeups;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        heartbeat = new InstanceHeartbeat(instances, this.options, time, logger);
        if (this.options.LeaseDuration <= TimeSpan.Zero || this.options.PollInterval <= TimeSpan.Zero
            || this.options.RetryFor < TimeSpan.Zero || this.options.MaxAttempts < 1)
        {
            throw new ArgumentException(
                "JobEngineOptions: LeaseDuration and PollInterval must be positive, RetryFor not negative and MaxAttempts (when set) at least 1.",
                nameof(options));
        }

        if (this.options.HeartbeatInterval <= TimeSpan.Zero || this.options.InstanceTimeout <= this.options.HeartbeatInterval)
        {
            throw new ArgumentException("JobEngineOptions: HeartbeatInterval must be positive and InstanceTimeout longer than it (a few beats).", nameof(options));
        }

        var duplicate = this.handlers.GroupBy(h => h.Kind, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two job handlers are registered for kind '{duplicate.Key}'; register one per kind.");
        }
    }

    /// <summary>The lease owner this engine writes on the jobs it claims.</summary>
    public string InstanceId => options.InstanceId;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref state, 1, 0) != 0)
        {
            return;
        }

        // Before the first claim: the instance row that tells the others this instance is alive, and a wake-up for
        // every job committed from here on, however it was stored.
        await heartbeat.StartAsync(cancellationToken);
        commits = store.ObserveCommittedJobs(wakeups);
        var recorder = new JobOutcomeRecorder(store, options, new RetrySchedule(options), time, logger);
        var started = handlers.Select(handler => new KindWorker(handler, store, options, wakeups, recorder, time, logger)).ToArray();
        foreach (var worker in started)
        {
            worker.Start();
        }

        Volatile.Write(ref workers, started);
        Log.Started(logger, options.InstanceId, string.Join(", ", handlers.Select(h => h.Kind)));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref state, 2, 1) != 1)
        {
            return;
        }

        var started = Volatile.Read(ref workers);
        await Task.WhenAll(started.Select(w => w.StopAsync(options.ShutdownTimeout, cancellationToken)));
        foreach (var worker in started)
        {
            worker.Dispose();
        }

        commits?.Dispose();
        // Last: every job is finished or released, so the row holds nothing another instance should take over.
        await heartbeat.StopAsync(cancellationToken);

        Log.Stopped(logger, options.InstanceId);
    }

    /// <summary>
    /// Null while the engine runs and every kind's worker claims jobs; otherwise why not, in words for a readiness probe:
    /// the engine is not running (not yet started, or stopped), a worker's claim loop has ended, or the store refused a
    /// worker's last claim.
    /// </summary>
    public string? WhyNotClaiming()
    {
        var started = Volatile.Read(ref workers);
        if (Volatile.Read(ref state) != 1 || started.Length < handlers.Count)
        {
            return "the job engine is not running";
        }

        return started.Select(w => w.WhyNotClaiming()).FirstOrDefault(reason => reason is not null);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        await heartbeat.DisposeAsync();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Job engine {InstanceId} started for {Kinds}")]
        public static partial void Started(ILogger logger, string instanceId, string kinds);

        [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Job engine {InstanceId} stopped")]
        public static partial void Stopped(ILogger logger, string instanceId);
    }
}
