using System.Globalization;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;

namespace ContractBridge.Flows.DealLoss;

/// <summary>
/// A deal changed stage or was deleted: when its contract is in progress and the change is a loss (see
/// <see cref="DealLossDecider"/>), names the deal, the stage or loss reason and who did it, and hands the words to a
/// <see cref="WorkflowMessageRequest"/> (comment, the rule's pause or cancel, the deal's note). Each change is said
/// once (<see cref="SaidOnce"/>), however often its webhook comes.
/// </summary>
public sealed partial class DealLostHandler(
    IContractLinkStore links,
    RuleBook rules,
    KommoDirectory directory,
    KommoNames names,
    KommoClient kommo,
    ContractLinks urls,
    SaidOnce once,
    ILogger<DealLostHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.DealLost;

    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 4);

    public Task HandleAsync(JobBatch batch, CancellationToken cancellationToken) =>
        EachJob.HandleAsync<DealLostRequest>(batch, DecideAsync, cancellationToken);

    private async Task<JobResult> DecideAsync(Job job, DealLostRequest change, CancellationToken cancellationToken)
    {
        var link = await links.FindActiveByLeadAsync(change.LeadId, cancellationToken);
        if (link is null || !DealLossDecider.IsInProgress(link) || rules.ForLink(link) is not { } rule)
        {
            return JobResult.Done;
        }

        var movedWithinPipeline = !change.Deleted && change.StatusId is not (null or KommoStatuses.ClosedLost);
        var pipelines = movedWithinPipeline ? await directory.GetPipelinesAsync(cancellationToken) : [];
        var loss = DealLossDecider.Decide(change, link, rule, pipelines);
        if (loss is null || !await once.ClaimAsync($"deal-lost:{link.WorkflowId}:{change.Transition}", job.Id, cancellationToken))
        {
            return JobResult.Done;
        }

        var lead = change.Deleted ? null : (await kommo.GetLeadsAsync([change.LeadId], cancellationToken)).FirstOrDefault();
        var dealName = lead?.Name ?? link.DealName ?? change.LeadId.ToString(CultureInfo.InvariantCulture);
        var by = change.ByUserId is { } user ? await names.UserAsync(user, cancellationToken) : null;
        var reason = loss.Kind == DealLossKind.Lost && (change.LossReasonId ?? lead?.LossReasonId) is { } reasonId
            ? await names.LossReasonAsync(reasonId, cancellationToken)
            : null;
        var happened = DealLossTexts.Happened(loss, dealName, change.LeadId, by, reason);
        var action = rule.OnDealLost.Action;
        Log.Said(logger, change.LeadId, link.WorkflowId!, loss.Kind, action);
        return JobResult.Then(new WorkflowMessageRequest(
            change.LeadId,
            link.WorkflowId!,
            link.IroncladNumber ?? link.WorkflowId!,
            urls.Workflow(link.WorkflowId!),
            WorkflowMessagePurpose.DealLost,
            rule.OnDealLost.Comment ? DealLossTexts.Comment(happened, urls.Deal(change.LeadId), action) : null,
            action,
            action == Configuration.DealLostAction.None ? null : DealLossTexts.ActionComment(happened, action),
            happened,
            DealDeleted: change.Deleted).ToJob());
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Lead {LeadId}: deal {Kind}; telling workflow {WorkflowId} (action: {Action})")]
        public static partial void Said(ILogger logger, long leadId, string workflowId, DealLossKind kind, Configuration.DealLostAction action);
    }
}
