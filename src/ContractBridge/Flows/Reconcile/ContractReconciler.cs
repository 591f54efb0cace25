using System.Globalization;
using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows.Jobs;
using ContractBridge.Hosting;
using ContractBridge.Ironclad;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Reconcile;

/// <summary>
/// Catches what webhooks missed. On a schedule, one instance at a time (a lease in the shared store) pages through the
/// workflows Ironclad changed since the last pass (GET /workflows?lastUpdated=…, 100 a page, within the read limit)
/// and queues a sync for each open contract that changed since its state was last applied. With every Ironclad webhook
/// lost, a signed contract still closes its deal within one interval. Each pass first checks and heals the webhook
/// registrations (<see cref="WebhookHealthCheck"/>).
/// </summary>
public sealed partial class ContractReconciler(
    IKeyValueStore store,
    IContractLinkStore contracts,
    JobQueue queue,
    IroncladClient ironclad,
    IOptions<BridgeOptions> options,
    TimeProvider time,
    ReconcilerIdentity identity,
    WebhookHealthCheck webhooks,
    IHostApplicationLifetime lifetime,
    ILogger<ContractReconciler> logger) : BackgroundService
{
    public const string LeaseName = "reconciler";
    public const string SinceKey = "reconciler.since";

    /// <summary>Workflows changed this long before the last pass are looked at again: clocks and pages are not exact.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);
    private static readonly string[] AllStatuses = ["active", "paused", "completed", "cancelled"];

    /// <summary>Runs one pass; returns how many contracts were queued for a sync (0 when another instance holds the pass).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var interval = options.Value.Reconciler.Interval;
        if (!await store.TryAcquireLeaseAsync(LeaseName, identity.InstanceId, started + interval, started, cancellationToken))
        {
            return 0;
        }

        await webhooks.RunAsync(cancellationToken);
        var open = (await contracts.ListOpenAsync(cancellationToken)).Where(l => l.WorkflowId is not null).ToDictionary(l => l.WorkflowId!, StringComparer.Ordinal);
        if (open.Count == 0)
        {
            await store.SetAsync(SinceKey, started.ToString("O", CultureInfo.InvariantCulture), started, cancellationToken);
            return 0;
        }

        var storedSince = await store.GetAsync(SinceKey, cancellationToken);
        var since = (storedSince is null
            ? open.Values.Min(l => l.CreatedAt)
            : DateTimeOffset.Parse(storedSince, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)) - Overlap;

        var syncs = new List<NewJob>();
        const int pageSize = 100;
        for (var page = 0; ; page++)
        {
            var result = await ironclad.ListWorkflowsAsync(page, pageSize, AllStatuses, since, null, cancellationToken);
            foreach (var workflow in result.List)
            {
                if (open.TryGetValue(workflow.Id, out var link) && (link.IroncladUpdatedAt is null || workflow.LastUpdated > link.IroncladUpdatedAt))
                {
                    syncs.Add(new SyncRequest(workflow.Id, "reconcile").ToJob());
                }
            }

            if (result.List.Count < pageSize || (page + 1) * pageSize >= result.Count)
            {
                break;
            }
        }

        if (syncs.Count > 0)
        {
            await queue.EnqueueAsync(syncs, cancellationToken);
        }

        await store.SetAsync(SinceKey, started.ToString("O", CultureInfo.InvariantCulture), time.GetUtcNow(), cancellationToken);
        Log.Pass(logger, open.Count, syncs.Count);
        return syncs.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Reconciler.Enabled)
        {
            return;
        }

        await lifetime.WaitForStartAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Reconciler.Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (UpstreamException ex)
            {
                Log.Failed(logger, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.Failed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Reconciler: {Open} open contracts, {Queued} changed since the last pass queued for a sync")]
        public static partial void Pass(ILogger logger, int open, int queued);

        [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Reconciler pass failed: {Reason}; it runs again at the next interval")]
        public static partial void Failed(ILogger logger, string reason);
    }
}

/// <summary>This instance's name in leases (reconciler, token refresh) and job claims.</summary>
public sealed record ReconcilerIdentity(string InstanceId);
