using System.Collections.Concurrent;
using ContractBridge.Engine.Jobs;

namespace ContractBridge.Tests.Operations.Support;

/// <summary>
/// A job kind of the tests' own, run by the bridge's engine beside the real ones. It either finishes each job at once or
/// holds it until the engine cancels it (a job still running when its instance is told to stop).
/// </summary>
internal sealed class ProbeJobHandler(bool finish) : IJobHandler
{
    public const string JobKind = "test.probe";

    public string Kind => JobKind;

    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 8);

    public ConcurrentQueue<long> Started { get; } = new();

    public ConcurrentQueue<long> Finished { get; } = new();

    public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
    {
        var job = batch.Jobs[0];
        Started.Enqueue(job.Id);
        if (!finish)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await batch.CompleteAsync(job, JobResult.Done, cancellationToken);
        Finished.Enqueue(job.Id);
    }
}
