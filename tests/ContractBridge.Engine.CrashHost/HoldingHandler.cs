using ContractBridge.Engine.Jobs;

namespace ContractBridge.Engine.CrashHost;

/// <summary>Records each run, reports it, then holds the batch open until the process is killed: a batch cut off mid-way.</summary>
internal sealed class HoldingHandler(RunRecorder recorder) : IJobHandler
{
    public const string JobKind = "crash.hold";

    public string Kind => JobKind;

    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 10, MaxConcurrentBatches: 1);

    public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
    {
        foreach (var job in batch.Jobs)
        {
            await recorder.RecordAsync(job.Id, job.Attempt);
            Console.Out.WriteLine($"RAN {job.Id}");
        }

        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
