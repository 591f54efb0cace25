using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.DealActions;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Renewals;

/// <summary>
/// Makes each record's renewal task for the deal's responsible user, or moves it (PATCH /tasks: complete_till and text)
/// when the expiration date changed, in batches: one read of the deals, one write of new tasks, one of moved ones. The
/// dates come from the stored record as the job runs and the task's id is stored once made, so a record has one task
/// whatever the number of jobs for it; a try after a lost answer looks for the task on the deal before making one.
/// </summary>
public sealed partial class RenewalTaskHandler(
    IOptions<BridgeOptions> bridge,
    KommoClient kommo,
    IContractRecordStore records,
    RuleBook rules,
    TimeProvider time,
    ILogger<RenewalTaskHandler> logger) : IJobHandler
{
    /// <summary>Kommo's follow-up task type.</summary>
    public const int TaskTypeId = 1;

    public string Kind => JobKinds.RenewalTask;

    public JobHandlerOptions Options { get; } = BatchOutcomes.KommoWrites(bridge.Value.Kommo, concurrentBatches: 1);

    public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
    {
        var jobs = await BatchOutcomes.ReadAllAsync<RenewalTaskRequest>(batch, cancellationToken);
        if (jobs.Count == 0)
        {
            return;
        }

        try
        {
            var stored = await records.FindManyAsync([.. jobs.Select(j => j.Request.RecordId)], cancellationToken);
            var toCreate = new List<Planned>();
            var toMove = new List<Planned>();
            var planned = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (job, request) in jobs)
            {
                // One action per record and batch: a second job for it has nothing left to do once the first has run.
                if (!stored.TryGetValue(request.RecordId, out var record) || record.ExpirationDate is not { } expiration
                    || DaysBefore(record) is not (> 0 and var days) || !planned.Add(record.RecordId))
                {
                    await batch.CompleteAsync(job, JobResult.Done, cancellationToken);
                    continue;
                }

                var item = new Planned(job, record, expiration, RenewalSchedule.DueAt(expiration, days, time.GetUtcNow()).ToUnixTimeSeconds());
                if (record.TaskId is null)
                {
                    toCreate.Add(item);
                }
                else if (record.TaskExpiration != expiration)
                {
                    toMove.Add(item);
                }
                else
                {
                    await batch.CompleteAsync(job, JobResult.Done, cancellationToken);
                }
            }

            toMove.AddRange(await CreateAsync(batch, toCreate, cancellationToken));
            await MoveAsync(batch, toMove, cancellationToken);
        }
        catch (UpstreamException ex)
        {
            // Jobs already reported keep their outcome; the engine ignores a second report.
            await BatchOutcomes.CompleteAllAsync(batch, jobs.Select(j => j.Job), BatchOutcomes.FromFailure(ex), cancellationToken);
        }
    }

    private int DaysBefore(ContractRecord record) =>
        rules.Find(record.RuleName)?.OnExecuted.RenewalTaskDaysBefore ?? 0;

    /// <summary>Makes the tasks; returns those a retried job found made already, with their ids, to be moved to the current date.</summary>
    private async Task<List<Planned>> CreateAsync(JobBatch batch, List<Planned> toCreate, CancellationToken cancellationToken)
    {
        if (toCreate.Count == 0)
        {
            return [];
        }

        var leads = (await kommo.GetLeadsAsync([.. toCreate.Select(p => p.Record.LeadId)], cancellationToken)).ToDictionary(l => l.Id);
        var retried = toCreate.Where(p => p.Job.Attempt > 1).Select(p => p.Record.LeadId).ToList();
        var existing = retried.Count == 0 ? [] : await kommo.GetTasksAsync(retried, cancellationToken);
        var found = new List<Planned>();
        var tasks = new List<(Planned Item, KommoNewTask Task)>();
        foreach (var item in toCreate)
        {
            if (!leads.TryGetValue(item.Record.LeadId, out var lead))
            {
                await batch.CompleteAsync(item.Job, BatchOutcomes.LeadGone(item.Record.LeadId), cancellationToken);
            }
            else if (existing.FirstOrDefault(t => t.EntityId == lead.Id && t.Text?.StartsWith(RenewalTexts.TaskPrefix(item.Record.ContractName), StringComparison.Ordinal) == true) is { } made)
            {
                found.Add(item with { Record = item.Record with { TaskId = made.Id, TaskExpiration = null } });
            }
            else
            {
                tasks.Add((item, new KommoNewTask(
                    RenewalTexts.Task(item.Record.ContractName, item.Expiration), item.DueAt, lead.Id, "leads", TaskTypeId, lead.ResponsibleUserId, BatchOutcomes.RequestId(item.Job))));
            }
        }

        if (tasks.Count == 0)
        {
            return found;
        }

        var created = new Dictionary<string, long>(StringComparer.Ordinal);
        var outcome = await KommoBatchWriter.WriteAsync([.. tasks.Select(t => t.Task)], async (items, token) =>
        {
            foreach (var made in await kommo.CreateTasksAsync(items, token))
            {
                created[made.RequestId ?? string.Empty] = made.Id;
            }
        }, cancellationToken);
        var byRequestId = tasks.ToDictionary(t => t.Task.RequestId!, StringComparer.Ordinal);
        foreach (var requestId in outcome.Written)
        {
            var (item, task) = byRequestId[requestId];
            if (!created.TryGetValue(requestId, out var taskId))
            {
                await batch.CompleteAsync(item.Job, new JobResult.Transient($"Kommo did not say which task it made for lead {task.EntityId}"), cancellationToken);
                continue;
            }

            await records.RecordTaskAsync(item.Record.RecordId, taskId, item.Expiration, time.GetUtcNow(), cancellationToken);
            Log.Created(logger, item.Record.LeadId, item.Record.RecordId, RenewalTexts.Day(item.Expiration));
            await batch.CompleteAsync(item.Job, JobResult.Done, cancellationToken);
        }

        await CompleteUnwrittenAsync(batch, outcome, id => (byRequestId[id].Item.Job, $"the renewal task on lead {byRequestId[id].Task.EntityId}"), cancellationToken);
        return found;
    }

    /// <summary>Moves each task to the record's current date (complete_till and the text naming the date).</summary>
    private async Task MoveAsync(JobBatch batch, List<Planned> toMove, CancellationToken cancellationToken)
    {
        if (toMove.Count == 0)
        {
            return;
        }

        var byRequestId = toMove.ToDictionary(p => BatchOutcomes.RequestId(p.Job), StringComparer.Ordinal);
        var updates = toMove.Select(p => new KommoTaskUpdate(
            p.Record.TaskId!.Value, p.DueAt, RenewalTexts.Task(p.Record.ContractName, p.Expiration), BatchOutcomes.RequestId(p.Job))).ToList();
        var outcome = await KommoBatchWriter.WriteAsync(updates, kommo.UpdateTasksAsync, cancellationToken);
        foreach (var requestId in outcome.Written)
        {
            var item = byRequestId[requestId];
            await records.RecordTaskAsync(item.Record.RecordId, item.Record.TaskId!.Value, item.Expiration, time.GetUtcNow(), cancellationToken);
            Log.Moved(logger, item.Record.LeadId, item.Record.TaskId.Value, RenewalTexts.Day(item.Expiration));
            await batch.CompleteAsync(item.Job, JobResult.Done, cancellationToken);
        }

        await CompleteUnwrittenAsync(batch, outcome, id => (byRequestId[id].Job, $"the renewal task {byRequestId[id].Record.TaskId} on lead {byRequestId[id].Record.LeadId}"), cancellationToken);
    }

    private static async Task CompleteUnwrittenAsync(JobBatch batch, KommoWriteOutcome outcome, Func<string, (Job Job, string What)> item, CancellationToken cancellationToken)
    {
        foreach (var refusal in outcome.Refused)
        {
            var (job, what) = item(refusal.RequestId);
            await batch.CompleteAsync(job, BatchOutcomes.Refused(what, refusal), cancellationToken);
        }

        if (outcome.Failure is { } failure)
        {
            await BatchOutcomes.CompleteAllAsync(batch, outcome.Unwritten.Select(id => item(id).Job), BatchOutcomes.FromFailure(failure), cancellationToken);
        }
    }

    /// <summary>A job's task: the record as stored, the date it is for and the due time (unix seconds).</summary>
    private sealed record Planned(Job Job, ContractRecord Record, DateOnly Expiration, long DueAt);

    private static partial class Log
    {
        [LoggerMessage(EventId = 9654, Level = LogLevel.Information, Message = "Lead {LeadId}: renewal task made for record {RecordId} (expires {Expiration})")]
        public static partial void Created(ILogger logger, long leadId, string recordId, string expiration);

        [LoggerMessage(EventId = 9655, Level = LogLevel.Information, Message = "Lead {LeadId}: renewal task {TaskId} moved (expires {Expiration})")]
        public static partial void Moved(ILogger logger, long leadId, long taskId, string expiration);
    }
}
