using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Writeback;
using ContractBridge.Kommo;

namespace ContractBridge.Flows.Sync;

/// <summary>
/// What a contract's move means for its deal, as jobs stored in the same transaction as the new state: sent for
/// signature → a note and a follow-up task; executed → Closed-Won, a note, the signed PDF; cancelled → a note and
/// optionally a move; back from signature to review → a note. Every state change also writes the contract into the
/// deal's own fields when <see cref="WritebackOptions"/> names any (the signed date with Executed, when
/// Ironclad says it changed). Paused contracts act on nothing.
/// </summary>
public sealed class DealActionPlanner(ContractLinks links, TimeProvider time, IOptions<BridgeOptions> bridge)
{
    /// <param name="changedAt">When the workflow changed as Ironclad says (its lastUpdated); now when unknown.</param>
    /// <param name="seen">The deal as read beside the workflow, for a move to use instead of reading it again.</param>
    public IReadOnlyList<NewJob> Plan(ContractLink link, DerivedState next, ContractRule rule, string workflowId, DateTimeOffset? changedAt = null, SeenLead? seen = null)
    {
        if (next.Paused || next.State == link.State)
        {
            return [];
        }

        var lead = link.LeadId;
        var contract = $"{link.IroncladNumber ?? workflowId} ({link.TemplateName})";
        var url = links.Workflow(workflowId);
        var jobs = new List<NewJob>();
        switch (next.State)
        {
            case ContractState.Signature:
                if (rule.OnSignature.Note)
                {
                    jobs.Add(new NoteRequest(lead, DealNotes.SentForSignature(contract, url)).ToJob());
                }

                if (rule.OnSignature.Task)
                {
                    var due = time.GetUtcNow().AddDays(rule.OnSignature.TaskDueDays).ToUnixTimeSeconds();
                    jobs.Add(new TaskRequest(lead, DealNotes.SignatureTask(contract), due, rule.OnSignature.TaskTypeId).ToJob());
                }

                break;
            case ContractState.Executed:
                if (rule.OnExecuted.MoveToWon)
                {
                    var pipeline = rule.ClosedWonStageId == KommoStatuses.ClosedWon ? null : rule.PipelineId;
                    jobs.Add(new StageMoveRequest(lead, rule.ClosedWonStageId, pipeline, null, null, DealNotes.ExecutedLead(contract), url, seen).ToJob());
                }
                else if (rule.OnExecuted.Note)
                {
                    jobs.Add(new NoteRequest(lead, DealNotes.ExecutedLead(contract) + "\n" + url).ToJob());
                }

                if (rule.OnExecuted.AttachDocument)
                {
                    jobs.Add(new AttachDocumentRequest(lead, workflowId, contract, url).ToJob());
                }

                break;
            case ContractState.Cancelled:
                if (rule.OnCancelled.MoveToStageId is { } stage)
                {
                    var pipeline = KommoStatuses.IsClosed(stage) ? null : rule.PipelineId;
                    jobs.Add(new StageMoveRequest(lead, stage, pipeline, rule.OnCancelled.LossReasonId, rule.StageId, DealNotes.CancelledLead(contract), url, seen).ToJob());
                }
                else if (rule.OnCancelled.Note)
                {
                    jobs.Add(new NoteRequest(lead, DealNotes.CancelledLead(contract) + "\n" + url).ToJob());
                }

                break;
            case ContractState.Review when link.State == ContractState.Signature:
                jobs.Add(new NoteRequest(lead, DealNotes.BackToReview(contract, url)).ToJob());
                break;
        }

        if (bridge.Value.Writeback.IsEnabled)
        {
            var signedAt = next.State == ContractState.Executed ? changedAt ?? time.GetUtcNow() : (DateTimeOffset?)null;
            jobs.Add(WritebackJobs.StateChanged(lead, next.State, link.IroncladNumber ?? workflowId, url, signedAt));
        }

        return jobs;
    }
}
