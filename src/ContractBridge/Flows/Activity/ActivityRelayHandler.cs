using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;

namespace ContractBridge.Flows.Activity;

/// <summary>
/// Tells a deal what happened on its contract besides moving it: legal's comments, approvals, turns
/// (<see cref="ActivityRelayRequest"/>). One read of the list the webhook announced; what is new since the
/// <see cref="RelayCursor"/> becomes notes, in Ironclad's order, through the batched note jobs (committed with this job).
/// Repeated, late and reordered webhooks find nothing new; a workflow that is not one of ours, or whose rule turns the
/// list off (<see cref="ContractRule.RelayComments"/>, <see cref="ContractRule.RelayApprovals"/>,
/// <see cref="ContractRule.RelayTurns"/>), costs no read.
/// </summary>
public sealed partial class ActivityRelayHandler(
    IContractLinkStore links,
    RuleBook rules,
    RelayCursor cursor,
    IEnumerable<IActivityRelay> relays,
    ContractLinks urls,
    ILogger<ActivityRelayHandler> logger) : IJobHandler
{
    private readonly Dictionary<ActivityFeed, IActivityRelay> _relays = relays.ToDictionary(r => r.Feed);

    public string Kind => JobKinds.ActivityRelay;

    /// <summary>One read per job, 16 side by side like the workflow syncs (a burst sent for signature is a burst of approval events); the read limit paces them.</summary>
    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 16);

    public Task HandleAsync(JobBatch batch, CancellationToken cancellationToken) =>
        EachJob.HandleAsync<ActivityRelayRequest>(batch, RelayAsync, cancellationToken, ex => ex.IsNotFound ? JobResult.Done : null);

    public static bool IsOn(ContractRule rule, ActivityFeed feed) => feed switch
    {
        ActivityFeed.Comments => rule.RelayComments,
        ActivityFeed.Approvals => rule.RelayApprovals,
        _ => rule.RelayTurns,
    };

    private async Task<JobResult> RelayAsync(Job job, ActivityRelayRequest request, CancellationToken cancellationToken)
    {
        var link = await links.FindByWorkflowAsync(request.WorkflowId, cancellationToken);
        var rule = link is null ? null : rules.ForLink(link);
        if (link is null || rule is null || !IsOn(rule, request.Feed))
        {
            return JobResult.Done;
        }

        var key = $"ironclad-activity:{request.Feed.ToString().ToLowerInvariant()}:{request.WorkflowId}";
        var from = await cursor.ReadAsync(key, job, cancellationToken);
        var contract = new RelayedContract(request.WorkflowId, link.IroncladNumber ?? request.WorkflowId, urls.Workflow(request.WorkflowId));
        var relayed = await _relays[request.Feed].RelayAsync(contract, from.State, cancellationToken);
        if (relayed.State != from.State && !await cursor.MoveAsync(from, job, relayed.State, cancellationToken))
        {
            return new JobResult.Transient($"the {request.Feed} relay of workflow {request.WorkflowId} moved meanwhile; reading again");
        }

        if (relayed.Notes.Count > 0)
        {
            Log.Relayed(logger, request.WorkflowId, relayed.Notes.Count, request.Feed, link.LeadId);
        }

        return JobResult.Then([.. relayed.Notes.Select(note => new NoteRequest(link.LeadId, note).ToJob())]);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9550, Level = LogLevel.Information, Message = "Workflow {WorkflowId}: {Count} new item(s) of {Feed} noted on lead {LeadId}")]
        public static partial void Relayed(ILogger logger, string workflowId, int count, ActivityFeed feed, long leadId);
    }
}
