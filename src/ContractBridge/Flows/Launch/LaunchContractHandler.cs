using System.Collections.Concurrent;
using System.Text.Json;
using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows.DealActions;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Mapping;
using ContractBridge.Ironclad;
using ContractBridge.Ironclad.Api;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Launch;

/// <summary>
/// Launches the contract of each deal that entered a trigger stage, exactly once: the lead is reserved in the database
/// before Ironclad is called, a re-run looks the lead up in Ironclad (by its kommoLeadId attribute) before launching
/// again, and a deal with an active contract gets a note instead of a second workflow. Deals are read in batches (one
/// Kommo call per 250 leads, contacts, companies); launches run in parallel behind Ironclad's write limiter.
/// Problems a person must fix (no email, unknown template, a mapping Ironclad refuses) end as one note on the deal,
/// and the reservation is dropped so moving the deal again retries.
/// </summary>
public sealed partial class LaunchContractHandler(
    IContractLinkStore store,
    KommoClient kommo,
    IroncladClient ironclad,
    TemplateCatalog templates,
    KommoDirectory directory,
    RuleBook rules,
    ContractLinks links,
    IOptions<BridgeOptions> options,
    IJobStore jobs,
    TimeProvider time,
    ILogger<LaunchContractHandler> logger) : IJobHandler, IDisposable
{
    private const int ParallelLaunches = 16;
    private readonly ConcurrentDictionary<(string Rule, string TemplateId), MappingPlan> _plans = new();
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

        IReadOnlyDictionary<long, DealSnapshot> deals;
        try
        {
            deals = await GatherAsync(work.Select(w => w.Request.LeadId).ToList(), cancellationToken);
        }
        catch (UpstreamException ex) when (ex.IsTransient)
        {
            foreach (var w in work)
            {
                await batch.CompleteAsync(w.Job, new JobResult.Transient(ex.Message, ex.RetryAfter), cancellationToken);
            }

            return;
        }

        await LaunchAllAsync(batch, work, deals, cancellationToken);
    }

    /// <summary>
    /// Launches a batch's deals, ParallelLaunches at a time, one batch after the other: a batch waits for the lane, puts
    /// all its launches in line behind Ironclad's limiter, and gives the lane to the next batch as soon as its last launch
    /// is in line. Batches running side by side would share the limiter evenly, finish together and then read their next
    /// deals together, leaving the launch limit unused meanwhile; in one lane the next batch reads its deals while this
    /// one launches.
    /// </summary>
    private async Task LaunchAllAsync(JobBatch batch, List<LaunchWork> work, IReadOnlyDictionary<long, DealSnapshot> deals, CancellationToken cancellationToken)
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
            try
            {
                await batch.CompleteAsync(w.Job, await LaunchOneAsync(w, deals.GetValueOrDefault(w.Request.LeadId), cancellationToken), cancellationToken);
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

        var now = time.GetUtcNow();
        var reservation = await store.ReserveAsync(request.LeadId, rule.Template, rule.Name, job.Id, now, cancellationToken);
        var searchFirst = job.Attempt > 1;
        if (reservation.Status == ReservationStatus.ActiveContractExists && await IsAbandonedAsync(reservation.Link, cancellationToken))
        {
            // A launch that ended without finishing (dead-lettered) left its reservation: this trigger takes over,
            // and looks in Ironclad first in case that launch did reach Ironclad.
            await store.ReleaseReservationAsync(request.LeadId, reservation.Link.LaunchJobId!.Value, cancellationToken);
            reservation = await store.ReserveAsync(request.LeadId, rule.Template, rule.Name, job.Id, now, cancellationToken);
            searchFirst = true;
        }

        switch (reservation.Status)
        {
            case ReservationStatus.ActiveContractExists:
                var existing = reservation.Link;
                Log.AlreadyActive(logger, request.LeadId, existing.WorkflowId ?? "(launching)");
                await batch.CompleteAsync(job, JobResult.Then(new NoteRequest(
                    request.LeadId,
                    DealNotes.AlreadyInProgress(rule.Template, existing, existing.WorkflowId is null ? null : links.Workflow(existing.WorkflowId))).ToJob()), cancellationToken);
                return null;
            case ReservationStatus.ReservedByThisJob when reservation.Link.State != ContractState.Launching:
                // This job launched and recorded the contract (and its note) before it was interrupted.
                await batch.CompleteAsync(job, JobResult.Done, cancellationToken);
                return null;
            case ReservationStatus.ReservedByThisJob:
                searchFirst = true;
                break;
        }

        return new LaunchWork(job, request, rule, reservation.Link, searchFirst);
    }

    private async Task<bool> IsAbandonedAsync(ContractLink link, CancellationToken cancellationToken)
    {
        if (link.State != ContractState.Launching || link.LaunchJobId is not { } owner)
        {
            return false;
        }

        var ownerJob = await jobs.GetAsync(owner, cancellationToken);
        return ownerJob is null || ownerJob.Status is JobStatus.Dead or JobStatus.Succeeded;
    }

    /// <summary>
    /// Reads every deal of the batch: leads, then their main contacts and companies side by side, a handful of calls for
    /// up to 250 deals. The account, the stage names and the templates (cached after the first batch) are fetched
    /// meanwhile, so the first launch of a burst does not wait for them one after the other.
    /// </summary>
    private async Task<IReadOnlyDictionary<long, DealSnapshot>> GatherAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken)
    {
        var accountTask = directory.GetAccountAsync(cancellationToken);
        var warmUp = Task.WhenAll(directory.GetPipelinesAsync(cancellationToken), templates.ListAsync(cancellationToken));
        var leads = await kommo.GetLeadsAsync(leadIds, cancellationToken);
        var contactIds = leads.Select(l => l.MainContactId).OfType<long>().ToList();
        var companyIds = leads.Select(l => l.CompanyId).OfType<long>().ToList();
        var contactsTask = contactIds.Count == 0 ? Task.FromResult<IReadOnlyList<KommoContact>>([]) : kommo.GetContactsAsync(contactIds, cancellationToken);
        var companiesTask = companyIds.Count == 0 ? Task.FromResult<IReadOnlyList<KommoCompany>>([]) : kommo.GetCompaniesAsync(companyIds, cancellationToken);
        var contacts = (await contactsTask).ToDictionary(c => c.Id);
        var companies = (await companiesTask).ToDictionary(c => c.Id);
        var account = await accountTask;
        await ObserveAsync(warmUp);
        return leads.ToDictionary(
            l => l.Id,
            l => new DealSnapshot(
                l,
                l.MainContactId is { } c ? contacts.GetValueOrDefault(c) : null,
                l.CompanyId is { } co ? companies.GetValueOrDefault(co) : null,
                account));
    }

    /// <summary>The warm-up's failures are the launches' to report (they ask again); here they are only observed.</summary>
    private static async Task ObserveAsync(Task warmUp)
    {
        try
        {
            await warmUp;
        }
        catch (Exception ex) when (ex is UpstreamException or OperationCanceledException)
        {
        }
    }

    private async Task<JobResult> LaunchOneAsync(LaunchWork work, DealSnapshot? deal, CancellationToken cancellationToken)
    {
        var (job, request, rule, _, _) = work;
        try
        {
            if (deal is null)
            {
                await store.ReleaseReservationAsync(request.LeadId, job.Id, cancellationToken);
                return BatchOutcomes.LeadGone(request.LeadId);
            }

            var triggerStage = await directory.StageNameAsync(rule.PipelineId ?? deal.Lead.PipelineId, rule.StageId, cancellationToken);
            if (KommoStatuses.IsClosed(deal.Lead.StatusId))
            {
                var closedName = await directory.StageNameAsync(deal.Lead.PipelineId, deal.Lead.StatusId, cancellationToken);
                return await GiveUpAsync(work, DealNotes.NotLaunchedClosed(rule.Template, closedName), cancellationToken);
            }

            var lookup = await templates.FindAsync(rule.Template, cancellationToken);
            if (lookup.Template is not { } template)
            {
                return await GiveUpAsync(work, DealNotes.LaunchRefused(rule.Template, lookup.Problem!, triggerStage), cancellationToken);
            }

            var plan = _plans.GetOrAdd((rule.Name, template.Id), _ => AttributeMapper.Plan(rule.Mapping, template));
            var currency = rule.Currency ?? deal.Account.Currency ?? "USD";
            var mapping = AttributeMapper.Map(plan, deal, currency, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            if (!mapping.Succeeded)
            {
                return await GiveUpAsync(work, DealNotes.LaunchProblems(rule.Template, mapping.Problems, triggerStage), cancellationToken);
            }

            var workflow = (work.SearchFirst ? await FindEarlierLaunchAsync(template, request.LeadId, cancellationToken) : null)
                ?? await LaunchAsync(rule, template, mapping.Attributes, cancellationToken);
            var number = workflow.IroncladId ?? workflow.Id;
            // The link says "created", true as of the workflow's creation: a workflow found again after a lost answer
            // may have moved on since, and the sync that follows (events met "launching" and were dropped) applies that.
            await store.CompleteLaunchAsync(
                new LaunchRecord(request.LeadId, job.Id, workflow.Id, number, deal.Lead.Name, workflow.Created ?? workflow.LastUpdated ?? time.GetUtcNow()),
                [
                    new NoteRequest(request.LeadId, DealNotes.Launched(template.Name, number, workflow.Id, links.Workflow(workflow.Id))).ToJob(),
                    new SyncRequest(workflow.Id, "launch recorded").ToJob(),
                ],
                time.GetUtcNow(),
                cancellationToken);
            Log.Launched(logger, request.LeadId, workflow.Id, number);
            return JobResult.Done;
        }
        catch (UpstreamException ex) when (ex.IsTransient)
        {
            return new JobResult.Transient(ex.Message, ex.RetryAfter);
        }
        catch (UpstreamException ex) when (ex.Service == UpstreamService.Ironclad && ex.Status == System.Net.HttpStatusCode.BadRequest)
        {
            var stage = await directory.StageNameAsync(rule.PipelineId ?? deal?.Lead.PipelineId, rule.StageId, cancellationToken);
            return await GiveUpAsync(work, DealNotes.LaunchRefused(rule.Template, DescribeRefusal(ex), stage), cancellationToken);
        }
        catch (UpstreamException ex)
        {
            return new JobResult.Permanent(ex.Message);
        }
    }

    /// <summary>POST /workflows; a template re-published since we cached its id is resolved again once.</summary>
    private async Task<IroncladWorkflow> LaunchAsync(ContractRule rule, IroncladWorkflowSchema template, System.Text.Json.Nodes.JsonObject attributes, CancellationToken cancellationToken)
    {
        try
        {
            return await ironclad.LaunchWorkflowAsync(template.Id, attributes, options.Value.Ironclad.CreatorEmail, cancellationToken);
        }
        catch (UpstreamException ex) when (ex.ErrorCode == "NOT_FOUND" && (ex.ErrorParam is null || ex.ErrorParam == "template"))
        {
            templates.Invalidate();
            var again = await templates.FindAsync(rule.Template, cancellationToken);
            if (again.Template is not { } republished || republished.Id == template.Id)
            {
                throw;
            }

            Log.Republished(logger, rule.Template, template.Id, republished.Id);
            return await ironclad.LaunchWorkflowAsync(republished.Id, attributes, options.Value.Ironclad.CreatorEmail, cancellationToken);
        }
    }

    /// <summary>
    /// An earlier attempt may have launched the workflow and lost Ironclad's answer: find it by the lead id it carries.
    /// Templates without a kommoLeadId attribute cannot be searched; the launch is then repeated (documented).
    /// </summary>
    private async Task<IroncladWorkflow?> FindEarlierLaunchAsync(IroncladWorkflowSchema template, long leadId, CancellationToken cancellationToken)
    {
        if (!template.Attributes.ContainsKey(AttributeMapper.LeadIdAttribute))
        {
            return null;
        }

        var page = await ironclad.ListWorkflowsAsync(0, 20, ["active", "paused", "completed"], null, (AttributeMapper.LeadIdAttribute, leadId.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        var known = await store.FindActiveByLeadAsync(leadId, cancellationToken);
        var found = page.List.Where(w => w.Id != known?.WorkflowId || known?.State == ContractState.Launching).OrderByDescending(w => w.Created).FirstOrDefault();
        if (found is not null)
        {
            Log.FoundEarlierLaunch(logger, leadId, found.Id);
        }

        return found;
    }

    /// <summary>A problem a person must fix: drop the reservation (moving the deal again retries) and say what to fix.</summary>
    private async Task<JobResult> GiveUpAsync(LaunchWork work, string note, CancellationToken cancellationToken)
    {
        await store.ReleaseReservationAsync(work.Request.LeadId, work.Job.Id, cancellationToken);
        Log.NotLaunched(logger, work.Request.LeadId);
        return JobResult.Then(new NoteRequest(work.Request.LeadId, note).ToJob());
    }

    /// <summary>Ironclad's 400: name the attributes (MISSING_PARAM's param is a JSON array of attribute ids).</summary>
    private static string DescribeRefusal(UpstreamException ex)
    {
        var attributes = ex.ErrorParam;
        if (attributes is not null && attributes.TrimStart().StartsWith('['))
        {
            try
            {
                attributes = string.Join(", ", JsonSerializer.Deserialize<string[]>(attributes) ?? []);
            }
            catch (JsonException)
            {
            }
        }

        var code = ex.ErrorCode switch
        {
            "MISSING_PARAM" => "Ironclad says required attributes are missing",
            "INVALID_PARAM" => "Ironclad refused an attribute's value",
            _ => "Ironclad refused the launch",
        };
        return attributes is null ? $"{code} ({ex.Message})" : $"{code}: {attributes} ({ex.Message})";
    }

    public void Dispose() => _lane.Dispose();

    private sealed record LaunchWork(Job Job, LaunchRequest Request, ContractRule Rule, ContractLink Reservation, bool SearchFirst);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Lead {LeadId}: launched workflow {WorkflowId} ({IroncladNumber})")]
        public static partial void Launched(ILogger logger, long leadId, string workflowId, string ironcladNumber);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Lead {LeadId}: a contract is already active ({WorkflowId}); no second launch")]
        public static partial void AlreadyActive(ILogger logger, long leadId, string workflowId);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Lead {LeadId}: not launched; a note on the deal says what to fix")]
        public static partial void NotLaunched(ILogger logger, long leadId);

        [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Template '{Template}' was re-published: {OldId} is now {NewId}")]
        public static partial void Republished(ILogger logger, string template, string oldId, string newId);

        [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Lead {LeadId}: found workflow {WorkflowId} from an earlier attempt whose answer was lost; not launching again")]
        public static partial void FoundEarlierLaunch(ILogger logger, long leadId, string workflowId);
    }
}
