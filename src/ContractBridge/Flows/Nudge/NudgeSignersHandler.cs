using System.Net;
using System.Globalization;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad;
using ContractBridge.Ironclad.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Nudge;

/// <summary>
/// Reads who has not signed (<c>GET /workflows/{id}/sign-status</c>) and, for each such signer, claims the signer's
/// nudge of this period in the shared store (<see cref="SaidOnce"/>: one per signer per period, whichever job or
/// instance gets there first) and stores the rep's task (the batched task job) and, per rule, Ironclad's reminder (a
/// job of its own). A contract no longer at the Sign step, or gone out again since the pass, has nothing to nudge.
/// </summary>
public sealed partial class NudgeSignersHandler(IroncladClient ironclad, SignatureClock clock, SaidOnce said, ILogger<NudgeSignersHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.NudgeSigners;

    /// <summary>One sign-status read per job; the sign-status budget (50 a minute) paces them, a few side by side.</summary>
    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 4);

    public Task HandleAsync(JobBatch batch, CancellationToken cancellationToken) =>
        EachJob.HandleAsync<NudgeSignersRequest>(batch, NudgeAsync, cancellationToken);

    private async Task<JobResult> NudgeAsync(Job job, NudgeSignersRequest request, CancellationToken cancellationToken)
    {
        if (await clock.ReadAsync(request.WorkflowId, cancellationToken) is { } since && since != request.Since)
        {
            // The contract went back to review and out again after the pass: its new clock decides.
            return JobResult.Done;
        }

        IroncladSignStatus status;
        try
        {
            status = await ironclad.GetSignStatusAsync(request.WorkflowId, cancellationToken);
        }
        catch (UpstreamException ex) when (ex.Status == HttpStatusCode.BadRequest || ex.IsNotFound)
        {
            Log.NotAtSign(logger, request.LeadId, request.WorkflowId, ex.Message);
            return JobResult.Done;
        }

        var jobs = new List<NewJob>();
        var waited = NudgePeriod.Words(request.Waited);
        foreach (var signer in (status.Signers ?? []).Where(s => !s.HasSigned))
        {
            if (!await said.ClaimAsync(SaidKey(request, signer.RoleName), job.Id, cancellationToken))
            {
                continue;
            }

            var text = DealNotes.NudgeTask(request.ContractName, signer.Name, signer.Email, signer.RoleName, signer.Status, waited);
            jobs.Add(new TaskRequest(request.LeadId, text, request.TaskDueAtUnix, request.TaskTypeId).ToJob());
            if (request.RemindSigner)
            {
                jobs.Add(new RemindSignerRequest(request.LeadId, request.WorkflowId, signer.RoleName, signer.Name).ToJob());
            }

            Log.Nudged(logger, request.LeadId, request.WorkflowId, signer.RoleName, waited, request.RemindSigner);
        }

        return JobResult.Then([.. jobs]);
    }

    /// <summary>One nudge per signer per period of one signature (a new signature, after a return to review, starts over).</summary>
    private static string SaidKey(NudgeSignersRequest request, string roleName) =>
        string.Create(CultureInfo.InvariantCulture, $"nudge:{request.WorkflowId}:{request.Since.UtcTicks}:{request.Period}:{roleName}");

    private static partial class Log
    {
        [LoggerMessage(EventId = 9610, Level = LogLevel.Information, Message = "Lead {LeadId}: contract {WorkflowId}'s signer {RoleName} has not signed after {Waited}: a task for the rep (reminder: {Remind})")]
        public static partial void Nudged(ILogger logger, long leadId, string workflowId, string roleName, string waited, bool remind);

        [LoggerMessage(EventId = 9611, Level = LogLevel.Information, Message = "Lead {LeadId}: contract {WorkflowId} is no longer out for signature ({Reason}); nothing to nudge")]
        public static partial void NotAtSign(ILogger logger, long leadId, string workflowId, string reason);
    }
}
