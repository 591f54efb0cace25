using ContractBridge.Configuration;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Activity;
using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad;
using ContractBridge.Ironclad.Api;
using ContractBridge.Setup;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealLoss;

/// <summary>
/// Says a <see cref="WorkflowMessageRequest"/> in Ironclad: the comment (a retry first looks for it in the workflow's
/// comments, since a lost answer may hide a comment that was posted), then the pause or cancel with the comment Ironclad
/// requires, then a note on the deal saying what was done (unless the deal was deleted). A pause or cancel Ironclad refuses (the workflow is past
/// Review, or already finished) is said in the note, not retried; one that an earlier attempt already made counts as done.
/// The comment's id is remembered (<see cref="OwnComments"/>), so it never comes back to the deal as one of legal's.
/// </summary>
public sealed class WorkflowMessageHandler(IroncladClient ironclad, OwnComments own, UpstreamConnections connections) : IJobHandler
{
    private const int CommentPagesChecked = 5;

    public string Kind => JobKinds.WorkflowMessage;

    /// <summary>Workflow writes are limited to 40 a minute: a few side by side are plenty.</summary>
    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 2);

    public Task HandleAsync(JobBatch batch, CancellationToken cancellationToken) =>
        EachJob.HandleAsync<WorkflowMessageRequest>(batch, SayAsync, cancellationToken, ex => ex.IsNotFound ? JobResult.Done : null);

    private async Task<JobResult> SayAsync(Job job, WorkflowMessageRequest message, CancellationToken cancellationToken)
    {
        if (message.Comment is { } comment)
        {
            var posted = (job.Attempt > 1 ? await EarlierCommentAsync(message.WorkflowId, comment, cancellationToken) : null)
                ?? await ironclad.AddCommentAsync(message.WorkflowId, comment, connections.Ironclad?.CreatorEmail, cancellationToken);
            await own.RememberAsync(posted.Id, cancellationToken);
        }

        var refusal = message.Action == DealLostAction.None ? null : await ActAsync(message, cancellationToken);
        if (message.DealDeleted)
        {
            return JobResult.Done;
        }

        var note = message.Purpose == WorkflowMessagePurpose.LegalQuestion
            ? DealNotes.LegalQuestionSent(message.Contract, message.Link)
            : DealNotes.DealLostSaid(message.Contract, message.Happened ?? "the deal was lost", Done(message, refusal), message.Link);
        return JobResult.Then(new NoteRequest(message.LeadId, note).ToJob());
    }

    /// <summary>Pauses or cancels; returns Ironclad's reason when it refused, or null when the workflow is as asked.</summary>
    private async Task<string?> ActAsync(WorkflowMessageRequest message, CancellationToken cancellationToken)
    {
        try
        {
            var actionComment = message.ActionComment ?? message.Happened ?? "The deal was lost in Kommo.";
            if (message.Action == DealLostAction.Pause)
            {
                await ironclad.PauseWorkflowAsync(message.WorkflowId, actionComment, cancellationToken);
            }
            else
            {
                await ironclad.CancelWorkflowAsync(message.WorkflowId, actionComment, cancellationToken);
            }

            return null;
        }
        catch (UpstreamException ex) when (!ex.IsTransient && !ex.IsNotFound)
        {
            // An earlier attempt may have made the change before its answer was lost: then the state is what was asked.
            var status = (await ironclad.GetWorkflowAsync(message.WorkflowId, cancellationToken)).Status;
            var wanted = message.Action == DealLostAction.Pause ? "paused" : "cancelled";
            return string.Equals(status, wanted, StringComparison.OrdinalIgnoreCase) ? null : ex.Message;
        }
    }

    /// <summary>The comment an earlier attempt posted, if it did (its answer may have been lost).</summary>
    private async Task<IroncladComment?> EarlierCommentAsync(string workflowId, string comment, CancellationToken cancellationToken) =>
        (await ironclad.ListCommentsAsync(workflowId, CommentPagesChecked, cancellationToken)).FirstOrDefault(c => c.CommentMessage == comment);

    /// <summary>"legal was told in a comment and the workflow was paused", "the workflow was not cancelled (…)".</summary>
    private static string Done(WorkflowMessageRequest message, string? refusal)
    {
        var told = message.Comment is null ? null : "legal was told in a comment";
        var verb = message.Action == DealLostAction.Pause ? "paused" : "cancelled";
        var acted = message.Action switch
        {
            DealLostAction.None => null,
            _ when refusal is null => $"the workflow was {verb}",
            _ => $"the workflow was not {verb} ({refusal})",
        };
        return string.Join(" and ", new[] { told, acted }.OfType<string>());
    }
}
