using ContractBridge.Engine.Jobs;

namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>A handler whose behaviour each test writes inline.</summary>
public sealed class DelegateHandler(string kind, Func<JobBatch, CancellationToken, Task> handle, JobHandlerOptions? options = null) : IJobHandler
{
    public string Kind { get; } = kind;

    public JobHandlerOptions Options { get; } = options ?? new JobHandlerOptions();

    public Task HandleAsync(JobBatch batch, CancellationToken cancellationToken) => handle(batch, cancellationToken);

    /// <summary>Reports every job of the batch with the result <paramref name="decide"/> gives it.</summary>
    public static DelegateHandler EachJob(string kind, Func<Job, JobResult> decide, JobHandlerOptions? options = null) =>
        new(kind, async (batch, cancellationToken) =>
        {
            foreach (var job in batch.Jobs)
            {
                await batch.CompleteAsync(job, decide(job), cancellationToken);
            }
        }, options);
}
