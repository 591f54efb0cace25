using System.Globalization;
using System.Text.Json;
using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows.Jobs;
using ContractBridge.Hosting;
using ContractBridge.Kommo.Api;
using ContractBridge.Observability;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Reconcile;

/// <summary>
/// Catches the stage entries Kommo's webhooks missed. At start-up and every <c>Reconciler:Interval</c>, one instance at
/// a time (its own lease), it reads the entries into the rules' trigger stages since the last pass (the event feed;
/// the watermark is kept in the database, so a restart continues from it) and the trigger stages' leads changed since
/// (a deal created in the stage has no entry); at start-up, every lead of those stages, as a safety net. Each deal
/// still in the stage is decided by <see cref="StageDealDecision"/>; those to launch are stored as events with their
/// launch jobs, deduplicated by deal and updated_at, so a deal is queued once however many passes see it unchanged,
/// and the launch takes the same exactly-once path (the reservation) as a webhook's.
/// </summary>
public sealed partial class DealReconciler(
    IKeyValueStore keyValues,
    IEventStore events,
    IContractLinkStore contracts,
    ILaunchRefusalStore refusals,
    StageDealFinder finder,
    KommoDirectory directory,
    RuleBook rules,
    IOptions<BridgeOptions> options,
    TimeProvider time,
    ReconcilerIdentity identity,
    BridgeMetrics metrics,
    IHostApplicationLifetime lifetime,
    ILogger<DealReconciler> logger) : BackgroundService
{
    public const string LeaseName = "reconciler.kommo";
    public const string SinceKey = "reconciler.kommo.since";
    public const string EventSource = "kommo-reconciler";

    /// <summary>Entries and changes this long before the last pass are read again: Kommo's clock and ours differ, and its times are whole seconds.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    /// <summary>Whether this instance took the lease (a pass ran here), so a stop knows it may hold it.</summary>
    private volatile bool _ranHere;

    /// <summary>
    /// Runs one pass. <paramref name="everyLeadInStage"/> lists every lead of the trigger stages (start-up); otherwise only
    /// those changed since the last pass. The first pass ever has no watermark: it lists every lead, and reads the feed
    /// from <see cref="Overlap"/> back.
    /// </summary>
    public async Task<DealReconcilePass> RunOnceAsync(bool everyLeadInStage, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        if (!await keyValues.TryAcquireLeaseAsync(LeaseName, identity.InstanceId, started + options.Value.Reconciler.Interval, started, cancellationToken))
        {
            return DealReconcilePass.Skipped;
        }

        _ranHere = true;
        var stages = TriggerStages.Of(rules.Rules, await directory.GetPipelinesAsync(cancellationToken));
        var watermark = await keyValues.GetAsync(SinceKey, cancellationToken);
        everyLeadInStage |= watermark is null;
        var since = (watermark is null ? started : DateTimeOffset.FromUnixTimeSeconds(long.Parse(watermark, CultureInfo.InvariantCulture))) - Overlap;
        var found = stages.Count == 0
            ? new StageDeals([], new Dictionary<long, long>())
            : await finder.FindAsync(stages, since, everyLeadInStage ? null : since, cancellationToken);

        var inStage = found.Leads
            .Select(lead => (Lead: lead, Rule: rules.Rules.FirstOrDefault(r => r.Matches(lead.PipelineId, lead.StatusId))))
            .Where(d => d.Rule is not null)
            .ToList();
        var ids = inStage.Select(d => d.Lead.Id).ToList();
        var latest = ids.Count == 0 ? new Dictionary<long, ContractLink>() : await contracts.FindLatestByLeadsAsync(ids, cancellationToken);
        var refused = ids.Count == 0 ? new Dictionary<long, LaunchRefusal>() : await refusals.FindAsync(ids, cancellationToken);

        var launches = new List<InboundEvent>();
        foreach (var (lead, rule) in inStage)
        {
            var outcome = StageDealDecision.Decide(latest.GetValueOrDefault(lead.Id), refused.GetValueOrDefault(lead.Id), lead.UpdatedAt, found.LastEntryAt.TryGetValue(lead.Id, out var entered) ? entered : null);
            metrics.ReconcilerDealFound(Tag(outcome));
            if (outcome == StageDealOutcome.Launch)
            {
                launches.Add(LaunchEvent(lead, rule!));
            }
        }

        var queued = launches.Count == 0
            ? 0
            : (await events.StoreEventsAsync(launches, time.GetUtcNow(), cancellationToken)).Count(o => o == IngestOutcome.Stored);
        await keyValues.SetAsync(SinceKey, started.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), time.GetUtcNow(), cancellationToken);
        Log.Pass(logger, inStage.Count, launches.Count, queued, everyLeadInStage);
        return new DealReconcilePass(true, inStage.Count, queued);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Reconciler.Enabled)
        {
            return;
        }

        // Every lead of the trigger stages at start-up, until a pass of this instance has run (another may hold the lease).
        var everyLeadInStage = true;
        await lifetime.WaitForStartAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Reconciler.Interval, time);
        do
        {
            try
            {
                if ((await RunOnceAsync(everyLeadInStage, stoppingToken)).Ran)
                {
                    everyLeadInStage = false;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.Failed(logger, ex is UpstreamException ? ex.Message : ex.GetType().Name + ": " + ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Gives the pass's lease back on a graceful stop, so a restarted service (a new instance id) runs its start-up pass
    /// at once rather than when the old lease expires; a crashed instance's lease expires within one interval.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_ranHere)
        {
            try
            {
                await keyValues.ReleaseLeaseAsync(LeaseName, identity.InstanceId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.Failed(logger, "the lease could not be given back at shutdown (" + ex.Message + ")");
            }
        }
    }

    /// <summary>
    /// The deal's launch as an event: its dedupe key is the deal and its updated_at, so an unchanged deal found again
    /// (the next pass, its launch still queued) stores nothing, and a changed one (moved again, edited after a refusal) does.
    /// </summary>
    private static InboundEvent LaunchEvent(KommoLead lead, ContractRule rule)
    {
        var updated = lead.UpdatedAt?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        var payload = JsonSerializer.Serialize(new { lead_id = lead.Id, pipeline_id = lead.PipelineId, status_id = lead.StatusId, updated_at = lead.UpdatedAt, rule = rule.Name });
        return new InboundEvent(
            EventSource,
            $"kommo-reconcile:lead:{lead.Id.ToString(CultureInfo.InvariantCulture)}:{updated}",
            string.Create(CultureInfo.InvariantCulture, $"lead {lead.Id} in stage {lead.StatusId} without a contract; 1 launch(es)"),
            "application/json",
            payload,
            [new LaunchRequest(lead.Id, rule.Name, lead.PipelineId, lead.StatusId, LaunchRequest.ReconcilerTrigger).ToJob()]);
    }

    private static string Tag(StageDealOutcome outcome) => outcome switch
    {
        StageDealOutcome.Launch => "launch_queued",
        StageDealOutcome.HasContract => "has_contract",
        StageDealOutcome.Cancelled => "cancelled",
        _ => "refused",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 5010, Level = LogLevel.Information,
            Message = "Kommo reconciler: {Found} deals in trigger stages, {ToLaunch} without a contract, {Queued} newly queued for a launch (every lead listed: {EveryLead})")]
        public static partial void Pass(ILogger logger, int found, int toLaunch, int queued, bool everyLead);

        [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Kommo reconciler pass failed: {Reason}; it runs again at the next interval")]
        public static partial void Failed(ILogger logger, string reason);
    }
}
