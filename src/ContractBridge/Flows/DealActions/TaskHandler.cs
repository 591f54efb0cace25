using ContractBridge.Configuration;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealActions;

/// <summary>
/// Creates follow-up tasks for each deal's responsible user, in batches (one read of the deals, one write of the
/// tasks). Retried tasks are looked for first, so a lost answer does not create a second task. A task Kommo refuses
/// (its deal deleted meanwhile, a task type the account lacks) ends as a dead letter with Kommo's reason; the others
/// are written without it (<see cref="KommoBatchWriter"/>).
/// </summary>
public sealed class TaskHandler(IOptions<BridgeOptions> bridge, KommoClient kommo) : IJobHandler
{
    public string Kind => JobKinds.Task;

    public JobHandlerOptions Options { get; } = BatchOutcomes.KommoWrites(bridge.Value.Kommo, concurrentBatches: 1);

    public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
    {
        var tasks = await BatchOutcomes.ReadAllAsync<TaskRequest>(batch, cancellationToken);
        if (tasks.Count == 0)
        {
            return;
        }

        try
        {
            var leadIds = tasks.Select(t => t.Request.LeadId).ToList();
            var leads = (await kommo.GetLeadsAsync(leadIds, cancellationToken)).ToDictionary(l => l.Id);
            var retried = tasks.Where(t => t.Job.Attempt > 1).Select(t => t.Request.LeadId).ToList();
            var existing = retried.Count == 0
                ? []
                : (await kommo.GetTasksAsync(retried, cancellationToken)).Select(t => (t.EntityId, t.Text ?? string.Empty)).ToHashSet();

            var toCreate = new List<(Job Job, KommoNewTask Task)>();
            foreach (var (job, request) in tasks)
            {
                if (!leads.TryGetValue(request.LeadId, out var lead))
                {
                    await batch.CompleteAsync(job, BatchOutcomes.LeadGone(request.LeadId), cancellationToken);
                }
                else if (existing.Contains((request.LeadId, request.Text)))
                {
                    await batch.CompleteAsync(job, JobResult.Done, cancellationToken);
                }
                else
                {
                    toCreate.Add((job, new KommoNewTask(
                        request.Text, request.DueAtUnix, request.LeadId, "leads", request.TaskTypeId, lead.ResponsibleUserId, BatchOutcomes.RequestId(job))));
                }
            }

            if (toCreate.Count > 0)
            {
                await CreateAsync(batch, toCreate, cancellationToken);
            }
        }
        catch (UpstreamException ex)
        {
            // Jobs already reported keep their outcome; the engine ignores a second report.
            await BatchOutcomes.CompleteAllAsync(batch, tasks.Select(t => t.Job), BatchOutcomes.FromFailure(ex), cancellationToken);
        }
    }

    /// <summary>Writes the tasks; those Kommo refuses by name end with its reason, the others are written without them.</summary>
    private async Task CreateAsync(JobBatch batch, List<(Job Job, KommoNewTask Task)> toCreate, CancellationToken cancellationToken)
    {
        var byRequestId = toCreate.ToDictionary(t => t.Task.RequestId!, StringComparer.Ordinal);
        var outcome = await KommoBatchWriter.WriteAsync([.. toCreate.Select(t => t.Task)], kommo.AddTasksAsync, cancellationToken);
        await BatchOutcomes.CompleteAllAsync(batch, outcome.Written.Select(id => byRequestId[id].Job), JobResult.Done, cancellationToken);
        foreach (var refusal in outcome.Refused)
        {
            var (job, task) = byRequestId[refusal.RequestId];
            await batch.CompleteAsync(job, BatchOutcomes.Refused($"the task on lead {task.EntityId}", refusal), cancellationToken);
        }

        if (outcome.Failure is { } failure)
        {
            await BatchOutcomes.CompleteAllAsync(batch, outcome.Unwritten.Select(id => byRequestId[id].Job), BatchOutcomes.FromFailure(failure), cancellationToken);
        }
    }
}
