using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;

namespace ContractBridge.Flows.Nudge;

/// <summary>Starts a contract's signature clock (<see cref="SignatureClock"/>) when it goes out for signature.</summary>
public sealed class SignatureStartedHandler(SignatureClock clock) : IJobHandler
{
    public string Kind => JobKinds.SignatureStarted;

    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 8);

    public Task HandleAsync(JobBatch batch, CancellationToken cancellationToken) =>
        EachJob.HandleAsync<SignatureStartedRequest>(batch, async (_, request, token) =>
        {
            await clock.StartAsync(request.WorkflowId, request.Since, token);
            return JobResult.Done;
        }, cancellationToken);
}
