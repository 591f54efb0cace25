using ContractBridge.Configuration;
using ContractBridge.Engine.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Kommo;

namespace ContractBridge.Flows.Sync;

/// <summary>
/// What a contract's move means for its deal, as jobs stored in the same transaction as the new state: sent for
/// signature → a note and a follow-up task; executed → Closed-Won, a note, the signed PDF; cancelled → a note and
/// optionally a move; back from signature to review → a note. Paused contracts act on nothing.
/// </summary>
public sealed class DealActionPlanner(ContractLinks links, TimeProvider time)
{
    public IReadOnlyList<NewJob> Plan(ContractLink link, DerivedState next, ContractRule rule, string workflowId)
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
                    jobs.Add(JobPayloads.Note(lead, DealNotes.SentForSignature(contract, url)));
                }

                if (rule.OnSignature.Task)
                {
                    var due = time.GetUtcNow().AddDays(rule.OnSignature.TaskDueDays).ToUnixTimeSeconds();
                    jobs.Add(new NewJob(JobKinds.Task, JobKinds.LeadKey(lead), JobPayloads.Write(new TaskRequest(lead, DealNotes.SignatureTask(contract), due, rule.OnSignature.TaskTypeId))));
                }

                break;
            case ContractState.Executed:
                if (rule.OnExecuted.MoveToWon)
                {
                    var pipeline = rule.ClosedWonStageId == KommoStatuses.ClosedWon ? null : rule.PipelineId;
                    jobs.Add(Move(lead, new StageMoveRequest(lead, rule.ClosedWonStageId, pipeline, null, null, DealNotes.ExecutedLead(contract), url)));
                }
                else if (rule.OnExecuted.Note)
                {
                    jobs.Add(JobPayloads.Note(lead, DealNotes.ExecutedLead(contract) + "\n" + url));
                }

                if (rule.OnExecuted.AttachDocument)
                {
                    jobs.Add(new NewJob(JobKinds.AttachDocument, JobKinds.LeadKey(lead), JobPayloads.Write(new AttachDocumentRequest(lead, workflowId, contract, url))));
                }

                break;
            case ContractState.Cancelled:
                if (rule.OnCancelled.MoveToStageId is { } stage)
                {
                    var pipeline = KommoStatuses.IsClosed(stage) ? null : rule.PipelineId;
                    jobs.Add(Move(lead, new StageMoveRequest(lead, stage, pipeline, rule.OnCancelled.LossReasonId, rule.StageId, DealNotes.CancelledLead(contract), url)));
                }
                else if (rule.OnCancelled.Note)
                {
                    jobs.Add(JobPayloads.Note(lead, DealNotes.CancelledLead(contract) + "\n" + url));
                }

                break;
            case ContractState.Review when link.State == ContractState.Signature:
                jobs.Add(JobPayloads.Note(lead, DealNotes.BackToReview(contract, url)));
                break;
        }

        return jobs;
    }

    private static NewJob Move(long lead, StageMoveRequest request) =>
        new(JobKinds.StageMove, JobKinds.LeadKey(lead), JobPayloads.Write(request));
}
