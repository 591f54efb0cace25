using ContractBridge.Contracts;
using ContractBridge.Engine.Storage;
using ContractBridge.Hosting;
using ContractBridge.Upstream;

namespace ContractBridge.Observability;

/// <summary>
/// Reads jobs by state, contracts by state and the jobs waiting on each upstream from the database every few seconds into <see cref="BridgeMetrics.Snapshot"/>,
/// so a scrape of /metrics never waits on the database and a busy database is asked twice a minute at most per gauge set,
/// however often Prometheus scrapes.
/// </summary>
public sealed partial class MetricsSnapshotRefresher(
    IJobStore store,
    IContractLinkStore contractLinks,
    BridgeMetrics metrics,
    IOptions<MetricsOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<MetricsSnapshotRefresher> logger) : BackgroundService
{
    private bool failing;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var jobs = await store.CountAsync(cancellationToken);
        var contracts = await contractLinks.CountByStateAsync(cancellationToken);
        metrics.Snapshot = new BridgeGaugeSnapshot(
            new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["pending"] = jobs.Pending,
                ["running"] = jobs.Running,
                ["dead"] = jobs.Dead,
                ["succeeded"] = jobs.Succeeded,
            },
            Enum.GetValues<ContractState>().ToDictionary(s => s.ToString().ToLowerInvariant(), s => contracts.GetValueOrDefault(s), StringComparer.Ordinal),
            await UpstreamJobsWaiting.CountAsync(store, cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WaitForStartAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
                if (failing)
                {
                    failing = false;
                    Log.RefreshWorks(logger);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Once per run of failures: a database outage would otherwise write a stack trace every few seconds.
                if (!failing)
                {
                    failing = true;
                    Log.RefreshFailed(logger, ex);
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Reading job and contract counts for /metrics failed; the gauges keep their last values until a read works again (logged once until then)")]
        public static partial void RefreshFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Reading job and contract counts for /metrics works again")]
        public static partial void RefreshWorks(ILogger logger);
    }
}
