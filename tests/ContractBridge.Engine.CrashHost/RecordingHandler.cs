using ContractBridge.Engine.Jobs;

namespace ContractBridge.Engine.CrashHost;

/// <summary>Records each run durably before reporting it, as a real handler's upstream side effect would happen first.</summary>
internal sealed class RecordingHandler(RunRecorder recorder) : IJobHandler
{
    public const string JobKind = "crash.work";

    public string Kind => JobKind;

    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 10, MaxConcurrentBatches: 4);

    public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
    {
        foreach (var job in batch.Jobs)
        {
            await recorder.RecordAsync(job.Id, job.Attempt);
            Console.Out.WriteLine($"RAN {job.Id}");
            await batch.CompleteAsync(job, JobResult.Done, cancellationToken);
        }
    }
}
