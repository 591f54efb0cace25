using System.Globalization;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.DealActions;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Mapping;
using ContractBridge.Ironclad;
using ContractBridge.Ironclad.Api;
using ContractBridge.Ironclad.Webhooks;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Sync;

/// <summary>
/// Brings a deal up to date with its contract. Ironclad's webhook is a thin envelope and may be late, repeated or out
/// of order, so the handler reads the workflow itself, derives the state, and applies it only when the workflow's
/// lastUpdated is newer than what was applied before; the deal's actions are stored with the new state in one
/// transaction (an executed contract's with the read of its records). Workflows we did not launch are ignored unless
/// they carry a kommoLeadId, which recovers the link.
/// </summary>
public sealed partial class SyncContractHandler(
    IContractLinkStore store,
    IroncladClient ironclad,
    TemplateCatalog templates,
    RuleBook rules,
    DealActionPlanner planner,
    CloseLeadReads closeReads,
    TimeProvider time,
    ILogger<SyncContractHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.Sync;

    /// <summary>One workflow read per job; 16 side by side keep up with the read limit (400/min) at 150 ms a call.</summary>
    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 16);

    public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
    {
        foreach (var job in batch.Jobs)
        {
            JobResult result;
            try
            {
                result = await SyncAsync(JobPayloads.Read<SyncRequest>(job), cancellationToken);
            }
            catch (InvalidJobPayloadException ex)
            {
                result = new JobResult.Permanent(ex.Message);
            }
            catch (UpstreamException ex)
            {
                result = ex.IsTransient ? new JobResult.Transient(ex.Message, ex.RetryAfter) : new JobResult.Permanent(ex.Message);
            }

            await batch.CompleteAsync(job, result, cancellationToken);
        }
    }

    private async Task<JobResult> SyncAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        var link = await store.FindByWorkflowAsync(request.WorkflowId, cancellationToken);
        if (link is { } known && ContractStateDeriver.IsFinal(known.State))
        {
            return JobResult.Done;
        }

        // A sync that may close the contract: the read of the deal its move needs goes beside the workflow's, not after it.
        using var close = link is { } linked && MayMoveDeal(linked, request.Event) ? closeReads.BeginClose(linked.LeadId, cancellationToken) : null;
        IroncladWorkflow workflow;
        try
        {
            workflow = await ironclad.GetWorkflowAsync(request.WorkflowId, cancellationToken);
        }
        catch (UpstreamException ex) when (ex.IsNotFound)
        {
            Log.WorkflowGone(logger, request.WorkflowId);
            return JobResult.Done;
        }

        link ??= await RecoverLinkAsync(workflow, cancellationToken);
        if (link is null)
        {
            Log.Unknown(logger, request.WorkflowId);
            return JobResult.Done;
        }

        if (link.State == ContractState.Launching)
        {
            // Ironclad told us about the workflow before our launch recorded it. Waiting here spent this job's attempts
            // while the launch retried; the launch syncs the workflow itself once it is recorded.
            return JobResult.Done;
        }

        var next = ContractStateDeriver.Derive(workflow, request.Event);
        if (next.State == link.State && next.Paused == link.Paused)
        {
            return JobResult.Done;
        }

        var rule = rules.ForLink(link);
        IReadOnlyList<NewJob> actions = rule is null ? [] : planner.Plan(link, next, rule, workflow.Id, workflow.LastUpdated, close is null ? null : await close.Seen);
        var lastUpdated = workflow.LastUpdated ?? time.GetUtcNow();
        if (next is { State: ContractState.Signature, Paused: false } && link.State != ContractState.Signature)
        {
            // The signature's clock starts with the state, in its transaction: a stalled signer is counted from here.
            actions = [.. actions, new SignatureStartedRequest(link.LeadId, workflow.Id, lastUpdated).ToJob()];
        }

        if (next.State == ContractState.Executed && !next.Paused)
        {
            // The records (expiration date, status) are read by a job of their own, stored with the state: the close never waits on them.
            actions = [.. actions, new ReadRecordsRequest(link.LeadId, workflow.Id, time.GetUtcNow()).ToJob()];
        }

        var before = await store.ApplyStateAsync(workflow.Id, next.State, next.Paused, lastUpdated, actions, time.GetUtcNow(), cancellationToken);
        if (before is not null)
        {
            Log.Moved(logger, link.LeadId, workflow.Id, before.State, next.State, next.Paused);
        }

        return JobResult.Done;
    }

    /// <summary>
    /// Whether this sync may end the contract (executed, cancelled) and its rule then moves the deal: news of a contract
    /// out for signature that can say it is signed (Ironclad says so in several events, and the reconciler's sync names
    /// none), or of one completed or cancelled.
    /// </summary>
    private bool MayMoveDeal(ContractLink link, string? eventName)
    {
        var closing = eventName is IroncladWebhookEvents.WorkflowCompleted or IroncladWebhookEvents.WorkflowSignaturePacketFullySigned
                or IroncladWebhookEvents.WorkflowCancelled or IroncladWebhookEvents.SeedStateChanged
            || (link.State == ContractState.Signature && eventName is not (IroncladWebhookEvents.WorkflowSignaturePacketSent
                or IroncladWebhookEvents.WorkflowApprovalStatusChanged or IroncladWebhookEvents.WorkflowCommentAdded
                or IroncladWebhookEvents.WorkflowChangedTurn or IroncladWebhookEvents.WorkflowPaused));
        var rule = closing ? rules.ForLink(link) : null;
        return rule is not null && (rule.OnExecuted.MoveToWon || rule.OnCancelled.MoveToStageId is not null);
    }

    /// <summary>A workflow launched elsewhere that names its deal (kommoLeadId) is linked to it.</summary>
    private async Task<ContractLink?> RecoverLinkAsync(IroncladWorkflow workflow, CancellationToken cancellationToken)
    {
        var raw = workflow.Attributes?[AttributeMapper.LeadIdAttribute];
        if (raw is null || !long.TryParse(raw.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var leadId) || leadId <= 0)
        {
            return null;
        }

        var templateName = (await templates.ListAsync(cancellationToken)).FirstOrDefault(t => t.Id == workflow.Template)?.Name ?? workflow.Template ?? "unknown";
        var rule = rules.ForTemplate(templateName);
        var now = time.GetUtcNow();
        var adopted = await store.AdoptAsync(
            new ContractLink(leadId, workflow.Id, workflow.IroncladId, templateName, rule?.Name ?? "recovered", ContractState.Created, false, null, now, now, null),
            cancellationToken);
        if (adopted.State == ContractState.Launching)
        {
            return adopted;
        }

        if (adopted.WorkflowId != workflow.Id)
        {
            // The deal already has another active contract: this workflow is not the deal's contract.
            return null;
        }

        Log.Recovered(logger, leadId, workflow.Id);
        return adopted;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Lead {LeadId}: contract {WorkflowId} moved {From} → {To} (paused: {Paused})")]
        public static partial void Moved(ILogger logger, long leadId, string workflowId, ContractState from, ContractState to, bool paused);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Workflow {WorkflowId} is not one of ours and names no deal: ignored")]
        public static partial void Unknown(ILogger logger, string workflowId);

        [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Lead {LeadId}: linked to workflow {WorkflowId} through its kommoLeadId attribute")]
        public static partial void Recovered(ILogger logger, long leadId, string workflowId);

        [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Workflow {WorkflowId} no longer exists in Ironclad")]
        public static partial void WorkflowGone(ILogger logger, string workflowId);
    }
}
