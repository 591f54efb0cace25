using ContractBridge.Configuration;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealActions;

/// <summary>
/// Moves deals whose contract was executed (to Closed-Won of their own pipeline, or the configured stage) or cancelled
/// (to the configured stage), in batches: one read, one PATCH (no read for a deal read a moment ago beside its
/// workflow, <see cref="CloseLeadReads"/>). A deal a person already closed or moved on
/// is left where it is; the note that follows says which happened. The note is a follow-up job, so its text is fixed
/// from here on. A move Kommo refuses (a stage the pipeline lacks, say) does not hold back the others
/// (<see cref="KommoBatchWriter"/>): its note says the deal was not moved and Kommo's reason, because that note also
/// carries the contract's news and the deal's owner is the one who can move it by hand; a deal deleted meanwhile has
/// nowhere to take a note, so that move ends as a dead letter with Kommo's reason.
/// </summary>
public sealed class StageMoveHandler(IOptions<BridgeOptions> bridge, KommoClient kommo, KommoDirectory directory, CloseLeadReads closeReads) : IJobHandler
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

        using var inFlight = closeReads.MovesInFlight();
        try
        {
            var leads = await WhereDealsStandAsync(moves.Select(m => m.Request).ToList(), cancellationToken);
            var updates = new List<PlannedMove>();
            var outcomes = new Dictionary<Job, JobResult>();
            foreach (var (job, request) in moves)
            {
                if (!leads.TryGetValue(request.LeadId, out var lead))
                {
                    outcomes[job] = BatchOutcomes.LeadGone(request.LeadId);
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
                    updates.Add(new PlannedMove(job, request, target, new KommoLeadUpdate(request.LeadId, request.TargetStatusId, pipeline, request.LossReasonId, BatchOutcomes.RequestId(job))));
                    outcome = DealNotes.Moved(target);
                }

                outcomes[job] = FollowUpNote(request, outcome);
            }

            if (updates.Count > 0 && await MoveAsync(updates, outcomes, cancellationToken) is ({ } failure, var refused))
            {
                // A failure that named no move is the outcome of every move not refused, as it was before moves were split.
                foreach (var (job, _) in moves.Where(m => !refused.Contains(m.Job)))
                {
                    outcomes[job] = BatchOutcomes.FromFailure(failure);
                }
            }

            foreach (var (job, _) in moves)
            {
                await batch.CompleteAsync(job, outcomes[job], cancellationToken);
            }
        }
        catch (UpstreamException ex)
        {
            await BatchOutcomes.CompleteAllAsync(batch, moves.Select(m => m.Job), BatchOutcomes.FromFailure(ex), cancellationToken);
        }
    }

    /// <summary>Each deal's pipeline and stage: as read beside its workflow when that is fresh, else read now, together.</summary>
    private async Task<Dictionary<long, (long PipelineId, long StatusId)>> WhereDealsStandAsync(List<StageMoveRequest> requests, CancellationToken cancellationToken)
    {
        var stand = new Dictionary<long, (long PipelineId, long StatusId)>();
        foreach (var request in requests.Where(r => closeReads.IsFresh(r.Seen)))
        {
            stand[request.LeadId] = (request.Seen!.PipelineId, request.Seen.StatusId);
        }

        var unread = requests.Select(r => r.LeadId).Where(id => !stand.ContainsKey(id)).Distinct().ToList();
        if (unread.Count > 0)
        {
            foreach (var lead in await kommo.GetLeadsAsync(unread, cancellationToken))
            {
                stand[lead.Id] = (lead.PipelineId, lead.StatusId);
            }
        }

        return stand;
    }

    /// <summary>
    /// Sends the updates; a refused move's outcome becomes the refusal's. Returns the failure that left the other moves
    /// unwritten, if any, and the refused moves' jobs.
    /// </summary>
    private async Task<(UpstreamException? Failure, HashSet<Job> Refused)> MoveAsync(
        List<PlannedMove> updates, Dictionary<Job, JobResult> outcomes, CancellationToken cancellationToken)
    {
        var written = await KommoBatchWriter.WriteAsync([.. updates.Select(u => u.Update)], kommo.UpdateLeadsAsync, cancellationToken);
        if (written.Refused.Count == 0)
        {
            return (written.Failure, []);
        }

        var byRequestId = updates.ToDictionary(u => u.Update.RequestId!, StringComparer.Ordinal);
        var stillThere = await StillThereAsync([.. written.Refused.Select(r => byRequestId[r.RequestId].Request.LeadId)], cancellationToken);
        var refused = new HashSet<Job>();
        foreach (var refusal in written.Refused)
        {
            var move = byRequestId[refusal.RequestId];
            refused.Add(move.Job);
            outcomes[move.Job] = stillThere.Contains(move.Request.LeadId)
                ? FollowUpNote(move.Request, DealNotes.MoveRefused(move.Target, refusal.Reason))
                : new JobResult.Permanent($"{BatchOutcomes.LeadGone(move.Request.LeadId).Error} Kommo refused the move: {refusal.Reason}");
        }

        return (written.Failure, refused);
    }

    /// <summary>
    /// Which of the refused moves' deals still exist. When Kommo cannot say, they are taken to exist: the note then
    /// tells the deal why it did not move, or, if the deal is gone after all, ends as a dead letter of its own.
    /// </summary>
    private async Task<HashSet<long>> StillThereAsync(List<long> leadIds, CancellationToken cancellationToken)
    {
        try
        {
            return (await kommo.GetLeadsAsync(leadIds, cancellationToken)).Select(l => l.Id).ToHashSet();
        }
        catch (UpstreamException)
        {
            return [.. leadIds];
        }
    }

    private static JobResult FollowUpNote(StageMoveRequest request, string outcome)
    {
        var note = string.Join(' ', new[] { request.NoteLead, outcome }.Where(t => t.Length > 0)) + (request.NoteTail.Length > 0 ? "\n" + request.NoteTail : string.Empty);
        return JobResult.Then(new NoteRequest(request.LeadId, note).ToJob());
    }

    /// <summary>A move to send: the job it belongs to, the stage's name for the note, and the PATCH item.</summary>
    private sealed record PlannedMove(Job Job, StageMoveRequest Request, string Target, KommoLeadUpdate Update);
}
