using ContractBridge.Configuration;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.DealActions;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Mapping;
using ContractBridge.Flows.Sync;
using ContractBridge.Flows.Writeback;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Launch;

/// <summary>
/// Launches the contract of each deal that entered a trigger stage, exactly once: the lead is reserved in the database
/// before Ironclad is called (<see cref="LaunchReservations"/>), a re-run looks the lead up in Ironclad (by its
/// kommoLeadId attribute) before launching again (<see cref="WorkflowLauncher"/>), and a deal with an active contract
/// gets a note instead of a second workflow. Deals are read in batches (one Kommo call per 250 leads, contacts,
/// companies: <see cref="DealReader"/>); launches run in parallel behind Ironclad's write limiter.
/// Problems a person must fix (no email, unknown template, a mapping Ironclad refuses) end as one note on the deal,
/// and the reservation is dropped so moving the deal again retries.
/// </summary>
public sealed partial class LaunchContractHandler(
    LaunchReservations reservations,
    DealReader deals,
    WorkflowLauncher launcher,
    LaunchPlanner planner,
    RuleBook rules,
    KommoDirectory directory,
    ContractLinks links,
    IOptions<BridgeOptions> bridge,
    ILogger<LaunchContractHandler> logger) : IJobHandler, IDisposable
{
    private const int ParallelLaunches = 16;
    private readonly SemaphoreSlim _lane = new(1, 1);

    public string Kind => JobKinds.Launch;

    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 100, MaxConcurrentBatches: 2, Linger: TimeSpan.FromMilliseconds(100));

    public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
    {
        // The jobs of a batch are for different leads: their reservations are independent, and the store commits them together.
        var work = (await Task.WhenAll(batch.Jobs.Select(job => PrepareAsync(batch, job, cancellationToken)))).OfType<LaunchWork>().ToList();
        if (work.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<long, DealSnapshot> snapshots;
        try
        {
            snapshots = await deals.ReadAsync(work.Select(w => w.LeadId).ToList(), cancellationToken);
        }
        catch (UpstreamException ex) when (ex.IsTransient)
        {
            await BatchOutcomes.CompleteAllAsync(batch, work.Select(w => w.Job), new JobResult.Transient(ex.Message, ex.RetryAfter), cancellationToken);
            return;
        }

        await LaunchAllAsync(batch, work, snapshots, cancellationToken);
    }

    /// <summary>
    /// Launches a batch's deals, ParallelLaunches at a time, one batch after the other: a batch waits for the lane, puts
    /// all its launches in line behind Ironclad's limiter, and gives the lane to the next batch as soon as its last launch
    /// is in line. Batches running side by side would share the limiter evenly, finish together and then read their next
    /// deals together, leaving the launch limit unused meanwhile; in one lane the next batch reads its deals while this
    /// one launches.
    /// </summary>
    private async Task LaunchAllAsync(JobBatch batch, List<LaunchWork> work, IReadOnlyDictionary<long, DealSnapshot> snapshots, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(ParallelLaunches);
        var launches = new List<Task>(work.Count);
        try
        {
            await _lane.WaitAsync(cancellationToken);
            try
            {
                foreach (var w in work)
                {
                    await slots.WaitAsync(cancellationToken);
                    launches.Add(LaunchAndCompleteAsync(w));
                }
            }
            finally
            {
                _lane.Release();
            }
        }
        finally
        {
            // Even when cancelled: the launches already started finish and report before the batch is given back.
            await Task.WhenAll(launches);
        }

        async Task LaunchAndCompleteAsync(LaunchWork w)
        {
            // The deal's own trace: its Ironclad calls, and the note and sync its recorded launch starts.
            using var span = batch.EnterSpanOf(w.Job);
            try
            {
                await batch.CompleteAsync(w.Job, await LaunchOneAsync(w, snapshots.GetValueOrDefault(w.LeadId), cancellationToken), cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    /// <summary>Reserves the lead; jobs whose deal already has a contract are answered here with a note.</summary>
    private async Task<LaunchWork?> PrepareAsync(JobBatch batch, Job job, CancellationToken cancellationToken)
    {
        using var span = batch.EnterSpanOf(job);
        LaunchRequest request;
        try
        {
            request = JobPayloads.Read<LaunchRequest>(job);
        }
        catch (InvalidJobPayloadException ex)
        {
            await batch.CompleteAsync(job, new JobResult.Permanent(ex.Message), cancellationToken);
            return null;
        }

        var rule = rules.Find(request.Rule);
        if (rule is null)
        {
            await batch.CompleteAsync(job, new JobResult.Permanent($"Rule '{request.Rule}' is no longer configured."), cancellationToken);
            return null;
        }

        switch (await reservations.ReserveAsync(job, request, rule, cancellationToken))
        {
            case LaunchReservation.Reserved reserved:
                return new LaunchWork(job, request, rule, reserved.SearchFirst);
            case LaunchReservation.AlreadyActive { Existing: var answering } when request.IsAnsweredBy(answering):
                // The reconciler found the deal while another launch held it, or a webhook arrived late for the entry the
                // reconciler already launched: that contract answers for this entry, so no "already in progress" note.
                Log.AlreadyAnswered(logger, request.LeadId, request.Trigger);
                await batch.CompleteAsync(job, JobResult.Done, cancellationToken);
                return null;
            case LaunchReservation.AnsweredBeforeCancellation { Cancelled: var cancelled }:
                Log.AnsweredBeforeCancellation(logger, request.LeadId, request.Trigger, cancelled.WorkflowId ?? "(none)");
                await batch.CompleteAsync(job, JobResult.Done, cancellationToken);
                return null;
            case LaunchReservation.AlreadyActive { Existing: var existing }:
                Log.AlreadyActive(logger, request.LeadId, existing.WorkflowId ?? "(launching)");
                await batch.CompleteAsync(job, JobResult.Then(new NoteRequest(
                    request.LeadId,
                    DealNotes.AlreadyInProgress(rule.Template, existing, existing.WorkflowId is null ? null : links.Workflow(existing.WorkflowId))).ToJob()), cancellationToken);
                return null;
            default:
                // AlreadyRecorded: this job launched and recorded the contract (and its note) before it was interrupted.
                await batch.CompleteAsync(job, JobResult.Done, cancellationToken);
                return null;
        }
    }

    private async Task<JobResult> LaunchOneAsync(LaunchWork work, DealSnapshot? deal, CancellationToken cancellationToken)
    {
        var rule = work.Rule;
        try
        {
            if (deal is null)
            {
                await reservations.ReleaseAsync(work, cancellationToken);
                return BatchOutcomes.LeadGone(work.LeadId);
            }

            var plan = await planner.PlanAsync(rule, deal, stopAtRefusal: true, cancellationToken);
            if (!plan.CanLaunch(out var template, out var attributes))
            {
                return await GiveUpAsync(work, deal, plan.Refusal(rule)!, cancellationToken);
            }

            var workflow = await launcher.LaunchAsync(work, template, attributes, cancellationToken);
            var number = workflow.IroncladId ?? workflow.Id;
            List<NewJob> followUps =
            [
                new NoteRequest(work.LeadId, DealNotes.Launched(template.Name, number, workflow.Id, links.Workflow(workflow.Id))).ToJob(),
                new SyncRequest(workflow.Id, "launch recorded").ToJob(),
            ];
            if (bridge.Value.Writeback.IsEnabled)
            {
                followUps.Add(WritebackJobs.Launched(work.LeadId, number, links.Workflow(workflow.Id), ContractStateDeriver.Derive(workflow, null).State));
            }

            await reservations.RecordLaunchAsync(work, workflow, ironcladNumber: number, dealName: deal.Lead.Name, followUps, cancellationToken);
            Log.Launched(logger, work.LeadId, workflow.Id, number);
            return JobResult.Done;
        }
        catch (UpstreamException ex) when (ex.IsTransient)
        {
            return new JobResult.Transient(ex.Message, ex.RetryAfter);
        }
        catch (UpstreamException ex) when (WorkflowLauncher.IsRefusal(ex))
        {
            var stage = await directory.StageNameAsync(rule.PipelineId ?? deal?.Lead.PipelineId, rule.StageId, cancellationToken);
            return await GiveUpAsync(work, deal, DealNotes.LaunchRefused(rule.Template, WorkflowLauncher.DescribeRefusal(ex), stage), cancellationToken);
        }
        catch (UpstreamException ex)
        {
            return new JobResult.Permanent(ex.Message);
        }
    }

    /// <summary>
    /// A problem a person must fix: remember the refusal and drop the reservation (moving or changing the deal retries),
    /// and say what to fix.
    /// </summary>
    private async Task<JobResult> GiveUpAsync(LaunchWork work, DealSnapshot? deal, string note, CancellationToken cancellationToken)
    {
        await reservations.RefuseAsync(work, deal?.Lead.UpdatedAt, cancellationToken);
        Log.NotLaunched(logger, work.LeadId);
        return JobResult.Then(new NoteRequest(work.LeadId, note).ToJob());
    }

    public void Dispose() => _lane.Dispose();

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Lead {LeadId}: launched workflow {WorkflowId} ({IroncladNumber})")]
        public static partial void Launched(ILogger logger, long leadId, string workflowId, string ironcladNumber);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Lead {LeadId}: a contract is already active ({WorkflowId}); no second launch")]
        public static partial void AlreadyActive(ILogger logger, long leadId, string workflowId);

        [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Lead {LeadId}: its contract already answers this stage entry ({Trigger}); nothing to do")]
        public static partial void AlreadyAnswered(ILogger logger, long leadId, string trigger);

        [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Lead {LeadId}: this stage entry ({Trigger}) came before its contract {WorkflowId} was cancelled; nothing to launch")]
        public static partial void AnsweredBeforeCancellation(ILogger logger, long leadId, string trigger, string workflowId);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Lead {LeadId}: not launched; a note on the deal says what to fix")]
        public static partial void NotLaunched(ILogger logger, long leadId);
    }
}
