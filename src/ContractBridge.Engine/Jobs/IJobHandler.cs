namespace ContractBridge.Engine.Jobs;

/// <summary>
/// Runs the jobs of one kind. The engine claims up to <see cref="JobHandlerOptions.MaxBatchSize"/> jobs of the kind at once
/// (never two with the same key) and hands them over as one <see cref="JobBatch"/>, so a handler can serve many jobs with
/// one upstream call (an API that reads up to 250 records per request). The handler reports each job's outcome through
/// <see cref="JobBatch.CompleteAsync"/> as soon as it knows it; jobs it has not reported when it returns are retried.
/// A handler must be idempotent: after a crash or a lost lease a job runs again.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    JobHandlerOptions Options { get; }

    Task HandleAsync(JobBatch batch, CancellationToken cancellationToken);
}

/// <param name="MaxBatchSize">Most jobs handed over at once; 1 for handlers that work job by job.</param>
/// <param name="MaxConcurrentBatches">Batches of this kind running at the same time in one engine instance.</param>
/// <param name="Linger">
/// How long to let jobs accumulate before claiming a batch (fewer, fuller upstream calls) while a batch of the kind is in
/// flight in this instance: after a claim that emptied the queue (took fewer than MaxBatchSize), or when jobs arrive
/// during one. With none in flight a job is claimed at once (group commit: batching costs nothing when there is nothing
/// to batch). Zero always claims at once.
/// </param>
/// <param name="LingerQuiet">
/// Ends the linger early once no job of the kind has arrived in this instance for this long, so the tail of a burst and
/// a lone job do not wait the whole linger. Zero (or not shorter than Linger) always lingers in full.
/// </param>
public sealed record JobHandlerOptions(int MaxBatchSize = 1, int MaxConcurrentBatches = 4, TimeSpan Linger = default, TimeSpan LingerQuiet = default);
