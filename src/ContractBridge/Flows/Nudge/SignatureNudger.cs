using System.Globalization;
using System.Text.Json;
using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Reconcile;
using ContractBridge.Hosting;

namespace ContractBridge.Flows.Nudge;

/// <summary>
/// Finds stalled signatures. On the reconciler's schedule (at start-up and every <c>Reconciler:Interval</c>), one
/// instance at a time (its own lease), it looks at every contract out for signature (not paused) and, when one has
/// been out for a whole number of its rule's <c>Nudge.After</c> periods, queues a look at its signers
/// (<see cref="NudgeSignersHandler"/>) as an event whose dedupe key is the contract, its signature and the period: a
/// period is queued once however many passes, instances or restarts see it, and Ironclad's sign-status is read once
/// per contract per period. Reads no upstream itself: the pass costs one database read per contract out for signature.
/// </summary>
public sealed partial class SignatureNudger(
    IKeyValueStore keyValues,
    IEventStore events,
    IContractLinkStore contracts,
    SignatureClock clock,
    RuleBook rules,
    IOptions<BridgeOptions> options,
    TimeProvider time,
    ReconcilerIdentity identity,
    IHostApplicationLifetime lifetime,
    ILogger<SignatureNudger> logger) : BackgroundService
{
    public const string LeaseName = "reconciler.nudge";
    public const string EventSource = "signature-nudger";

    /// <summary>Whether this instance took the lease (a pass ran here), so a stop knows it may hold it.</summary>
    private volatile bool _ranHere;

    public async Task<SignatureNudgePass> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await keyValues.TryAcquireLeaseAsync(LeaseName, identity.InstanceId, now + options.Value.Reconciler.Interval, now, cancellationToken))
        {
            return SignatureNudgePass.Skipped;
        }

        _ranHere = true;
        var due = new List<InboundEvent>();
        foreach (var link in await contracts.ListOpenAsync(cancellationToken))
        {
            if (link is not { State: ContractState.Signature, Paused: false, WorkflowId: not null }
                || rules.ForLink(link) is not { } rule)
            {
                continue;
            }

            var since = await clock.SinceAsync(link, cancellationToken);
            var period = NudgePeriod.Of(since, now, rule.Nudge.After);
            if (period >= 1)
            {
                due.Add(NudgeEvent(link, rule, since, period, now));
            }
        }

        var queued = due.Count == 0
            ? 0
            : (await events.StoreEventsAsync(due, time.GetUtcNow(), cancellationToken)).Count(o => o == IngestOutcome.Stored);
        Log.Pass(logger, due.Count, queued);
        return new SignatureNudgePass(true, due.Count, queued);
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
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.Failed(logger, ex.GetType().Name + ": " + ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Gives the pass's lease back on a graceful stop, as the reconcilers do; a crashed instance's lease expires within an interval.</summary>
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

    private static InboundEvent NudgeEvent(ContractLink link, ContractRule rule, DateTimeOffset since, int period, DateTimeOffset now)
    {
        var contract = $"{link.IroncladNumber ?? link.WorkflowId} ({link.TemplateName})";
        var waited = now - since;
        var request = new NudgeSignersRequest(
            link.LeadId,
            link.WorkflowId!,
            contract,
            since,
            period,
            waited,
            now.AddDays(rule.OnSignature.TaskDueDays).ToUnixTimeSeconds(),
            rule.OnSignature.TaskTypeId,
            rule.Nudge.RemindSigner);
        return new InboundEvent(
            EventSource,
            string.Create(CultureInfo.InvariantCulture, $"nudge:{link.WorkflowId}:{since.UtcTicks}:{period}"),
            string.Create(CultureInfo.InvariantCulture, $"lead {link.LeadId}: contract {contract} out for signature for {NudgePeriod.Words(waited)}; signers looked at"),
            "application/json",
            JsonPayload(request),
            [request.ToJob()]);
    }

    private static string JsonPayload(NudgeSignersRequest request) =>
        JsonSerializer.Serialize(new { lead_id = request.LeadId, workflow_id = request.WorkflowId, since = request.Since, period = request.Period });

    private static partial class Log
    {
        [LoggerMessage(EventId = 9630, Level = LogLevel.Information, Message = "Signature nudges: {Due} contracts out for signature past a nudge period, {Queued} newly queued")]
        public static partial void Pass(ILogger logger, int due, int queued);

        [LoggerMessage(EventId = 9631, Level = LogLevel.Warning, Message = "Signature nudge pass failed: {Reason}; it runs again at the next interval")]
        public static partial void Failed(ILogger logger, string reason);
    }
}
