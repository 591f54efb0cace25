using ContractBridge.Configuration;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealActions;

/// <summary>
/// Moves deals whose contract was executed (to Closed-Won of their own pipeline, or the configured stage) or cancelled
/// (to the configured stage), in batches: one read, one PATCH. A deal a person already closed or moved on is left where
/// it is; the note that follows says which happened. The note is a follow-up job, so its text is fixed from here on.
/// </summary>
public sealed class StageMoveHandler(IOptions<BridgeOptions> bridge, KommoClient kommo, KommoDirectory directory) : IJobHandler
{
    public string Kind => JobKinds.StageMove;

    public JobHandlerOptions Options { get; } = BatchOutcomes.KommoWrites(bridge.Value.Kommo, concurrentBatches: 1);

    public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
    {
        var moves = await BatchOutcomes.ReadAllAsync<StageMoveRequest>(batch, cancellationToken);
        if (moves.Count == 0)
        {
            return;
        }

        try
        {
            var leads = (await kommo.GetLeadsAsync(moves.Select(m => m.Request.LeadId).ToList(), cancellationToken)).ToDictionary(l => l.Id);
            var updates = new List<KommoLeadUpdate>();
            var outcomes = new List<(Job Job, JobResult Result)>();
            foreach (var (job, request) in moves)
            {
                if (!leads.TryGetValue(request.LeadId, out var lead))
                {
                    outcomes.Add((job, BatchOutcomes.LeadGone(request.LeadId)));
                    continue;
                }

                var pipeline = request.TargetPipelineId ?? lead.PipelineId;
                var target = await directory.StageNameAsync(pipeline, request.TargetStatusId, cancellationToken);
                string outcome;
                if (lead.StatusId == request.TargetStatusId && lead.PipelineId == pipeline)
                {
                    // Already there: moved by an earlier try of this job whose answer was lost, or by a person.
                    outcome = DealNotes.Moved(target);
                }
                else if (KommoStatuses.IsClosed(lead.StatusId))
                {
                    outcome = DealNotes.NotMoved($"it is already in '{await directory.StageNameAsync(lead.PipelineId, lead.StatusId, cancellationToken)}'");
                }
                else if (request.OnlyFromStageId is { } from && lead.StatusId != from)
                {
                    outcome = DealNotes.NotMoved($"it has been moved on to '{await directory.StageNameAsync(lead.PipelineId, lead.StatusId, cancellationToken)}'");
                }
                else
                {
                    updates.Add(new KommoLeadUpdate(lead.Id, request.TargetStatusId, pipeline, request.LossReasonId));
                    outcome = DealNotes.Moved(target);
                }

                var note = string.Join(' ', new[] { request.NoteLead, outcome }.Where(t => t.Length > 0)) + (request.NoteTail.Length > 0 ? "\n" + request.NoteTail : string.Empty);
                outcomes.Add((job, JobResult.Then(new NoteRequest(request.LeadId, note).ToJob())));
            }

            if (updates.Count > 0)
            {
                await kommo.UpdateLeadsAsync(updates, cancellationToken);
            }

            foreach (var (job, result) in outcomes)
            {
                await batch.CompleteAsync(job, result, cancellationToken);
            }
        }
        catch (UpstreamException ex)
        {
            await BatchOutcomes.CompleteAllAsync(batch, moves.Select(m => m.Job), BatchOutcomes.FromFailure(ex), cancellationToken);
        }
    }
}
