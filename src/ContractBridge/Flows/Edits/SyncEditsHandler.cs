using System.Net;
using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.DealActions;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Launch;
using ContractBridge.Flows.Mapping;
using ContractBridge.Flows.Sync;
using ContractBridge.Flows.Writeback;
using ContractBridge.Ironclad;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Edits;

/// <summary>
/// Brings an open contract up to date with its edited deal. The deal is read and mapped again as at launch
/// (<see cref="DealReader"/>, the rule's mapping), the workflow is read, and <see cref="EditDiff"/> says which
/// attributes differ. In Review, those alone go in one PATCH whose comment names each deal field and its change; past
/// Review, nothing is sent and the deal gets one note per change set naming the contract, its step and the changes.
/// Deals without an open contract, or whose rule does not sync edits, cost one database look-up. Jobs absorbed by a
/// later read (<see cref="EditSyncMarkers"/>) cost nothing more.
/// </summary>
public sealed partial class SyncEditsHandler(
    IContractLinkStore store,
    RuleBook rules,
    DealReader deals,
    WorkflowLauncher launcher,
    IroncladClient ironclad,
    EditSyncMarkers markers,
    ContractLinks links,
    TimeProvider time,
    IOptions<BridgeOptions> bridge,
    ILogger<SyncEditsHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.SyncEdits;

    /// <summary>Deals read 50 to a Kommo call; each then costs a workflow read, and a PATCH only when something changed.</summary>
    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 50, MaxConcurrentBatches: 2);

    public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
    {
        var work = new List<(Job Job, ContractLink Link, ContractRule Rule)>();
        foreach (var job in batch.Jobs)
        {
            EditSyncRequest request;
            try
            {
                request = JobPayloads.Read<EditSyncRequest>(job);
            }
            catch (InvalidJobPayloadException ex)
            {
                await batch.CompleteAsync(job, new JobResult.Permanent(ex.Message), cancellationToken);
                continue;
            }

            if (await ToSyncAsync(job, request.LeadId, cancellationToken) is { } found)
            {
                work.Add((job, found.Link, found.Rule));
            }
            else
            {
                await batch.CompleteAsync(job, JobResult.Done, cancellationToken);
            }
        }

        if (work.Count == 0)
        {
            return;
        }

        var readAt = time.GetUtcNow();
        IReadOnlyDictionary<long, DealSnapshot> snapshots;
        try
        {
            snapshots = await deals.ReadAsync([.. work.Select(w => w.Link.LeadId)], cancellationToken);
        }
        catch (UpstreamException ex)
        {
            await BatchOutcomes.CompleteAllAsync(batch, work.Select(w => w.Job), BatchOutcomes.FromFailure(ex), cancellationToken);
            return;
        }

        foreach (var (job, link, rule) in work)
        {
            JobResult result;
            try
            {
                result = snapshots.TryGetValue(link.LeadId, out var deal)
                    ? await SyncAsync(job, link, rule, deal, readAt, cancellationToken)
                    : JobResult.Done;
            }
            catch (UpstreamException ex)
            {
                result = BatchOutcomes.FromFailure(ex);
            }

            await batch.CompleteAsync(job, result, cancellationToken);
        }
    }

    /// <summary>The deal's open contract and its rule, when the job has anything to do.</summary>
    private async Task<(ContractLink Link, ContractRule Rule)?> ToSyncAsync(Job job, long leadId, CancellationToken cancellationToken)
    {
        if (await markers.AbsorbedAsync(job, leadId, cancellationToken))
        {
            return null;
        }

        var link = await store.FindActiveByLeadAsync(leadId, cancellationToken);
        if (link is not { WorkflowId: not null } || link.State == ContractState.Launching || ContractStateDeriver.IsFinal(link.State))
        {
            return null;
        }

        var rule = rules.ForLink(link);
        return rule is { SyncEdits: true } ? (link, rule) : null;
    }

    private async Task<JobResult> SyncAsync(Job job, ContractLink link, ContractRule rule, DealSnapshot read, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        // The contract's own fields on the deal are the bridge's writes, not the rep's edits.
        var deal = BridgeOwnedFields.Without(read, bridge.Value.Writeback);
        var lookup = await launcher.FindTemplateAsync(rule, cancellationToken);
        if (lookup.Template is not { } template)
        {
            Log.NoTemplate(logger, link.LeadId, lookup.Problem ?? rule.Template);
            return JobResult.Done;
        }

        var mapped = launcher.Map(rule, template, deal);
        var workflow = await ironclad.GetWorkflowAsync(link.WorkflowId!, cancellationToken);
        var edits = EditDiff.Compute(launcher.Plan(rule, template), deal, launcher.Today, mapped.Attributes, workflow);
        var now = time.GetUtcNow();
        var result = JobResult.Done;
        if (edits.Count == 0)
        {
            await markers.ForgetNoteAsync(link.LeadId, now, cancellationToken);
        }
        else if (workflow.IsInReview)
        {
            try
            {
                await ironclad.UpdateAttributesAsync(workflow.Id, [.. edits.Select(e => Ironclad.Api.IroncladAttributeUpdate.Set(e.Attribute, e.Value))], EditTexts.Comment(link.LeadId, deal.Lead.Name, edits), cancellationToken);
                Log.Patched(logger, link.LeadId, workflow.Id, string.Join(", ", edits.Select(e => e.Attribute)));
            }
            catch (UpstreamException ex) when (ex.Service == UpstreamService.Ironclad && ex.Status == HttpStatusCode.BadRequest)
            {
                if (ex.ErrorCode == "INVALID_STATE")
                {
                    // It left Review between the read and the PATCH: read it again, and note the changes if it stays out.
                    return new JobResult.Transient($"workflow {workflow.Id} left Review before its update: {ex.Message}");
                }

                result = await NoteOnceAsync(job, link, "refused", edits, EditTexts.Refused(link, WorkflowLauncher.DescribeRefusal(ex), edits, links.Workflow(workflow.Id)), now, cancellationToken);
            }
        }
        else if (!IroncladWorkflowPosition.IsFinished(workflow))
        {
            var position = IroncladWorkflowPosition.Of(workflow);
            result = await NoteOnceAsync(job, link, position.Step, edits, EditTexts.NotSent(link, position, edits, links.Workflow(workflow.Id)), now, cancellationToken);
        }

        await markers.RecordReadAsync(link.LeadId, readAt, now, cancellationToken);
        return result;
    }

    private async Task<JobResult> NoteOnceAsync(Job job, ContractLink link, string step, IReadOnlyList<AttributeEdit> edits, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await markers.ClaimNoteAsync(link.LeadId, EditTexts.Fingerprint(step, edits), job, now, cancellationToken))
        {
            return JobResult.Done;
        }

        Log.NotSent(logger, link.LeadId, link.WorkflowId!, step, string.Join(", ", edits.Select(e => e.Attribute)));
        return JobResult.Then(new NoteRequest(link.LeadId, text).ToJob());
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Lead {LeadId}: edits sent to workflow {WorkflowId} ({Attributes})")]
        public static partial void Patched(ILogger logger, long leadId, string workflowId, string attributes);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Lead {LeadId}: workflow {WorkflowId} is at {Step}; edits noted on the deal, not sent ({Attributes})")]
        public static partial void NotSent(ILogger logger, long leadId, string workflowId, string step, string attributes);

        [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Lead {LeadId}: edits not synced: {Problem}")]
        public static partial void NoTemplate(ILogger logger, long leadId, string problem);
    }
}
