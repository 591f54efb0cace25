using System.Net;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Nudge;

/// <summary>
/// Asks Ironclad to remind one signer (<c>POST …/sign-status/signers/{role}/remind</c>). Ironclad allows one reminder an
/// hour per signer and answers 429 otherwise: the signer was reminded within the hour (by a person, or by an earlier try
/// of this job whose answer was lost), which is what was wanted, so it ends the job rather than retry into a second
/// email. A signer who signed meanwhile, or a packet no longer out (400), needs no reminder.
/// </summary>
public sealed partial class RemindSignerHandler(IroncladClient ironclad, ILogger<RemindSignerHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.RemindSigner;

    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 2);

    public Task HandleAsync(JobBatch batch, CancellationToken cancellationToken) =>
        EachJob.HandleAsync<RemindSignerRequest>(batch, RemindAsync, cancellationToken);

    private async Task<JobResult> RemindAsync(Job job, RemindSignerRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await ironclad.RemindSignerAsync(request.WorkflowId, request.RoleName, cancellationToken);
            Log.Reminded(logger, request.LeadId, request.WorkflowId, request.RoleName, request.SignerName);
        }
        catch (UpstreamException ex) when (ex.Status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadRequest || ex.IsNotFound)
        {
            Log.NotReminded(logger, request.LeadId, request.WorkflowId, request.RoleName, ex.Message);
        }

        return JobResult.Done;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9620, Level = LogLevel.Information, Message = "Lead {LeadId}: Ironclad reminded {SignerName} ({RoleName}) to sign contract {WorkflowId}")]
        public static partial void Reminded(ILogger logger, long leadId, string workflowId, string roleName, string signerName);

        [LoggerMessage(EventId = 9621, Level = LogLevel.Information, Message = "Lead {LeadId}: no reminder for {RoleName} of contract {WorkflowId} ({Reason})")]
        public static partial void NotReminded(ILogger logger, long leadId, string workflowId, string roleName, string reason);
    }
}
