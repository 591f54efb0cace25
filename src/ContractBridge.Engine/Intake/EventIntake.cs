using System.Diagnostics;
using System.Threading.Channels;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContractBridge.Engine.Intake;

/// <summary>
/// Stores inbound events durably and says so only once they are committed. Concurrent callers are group-committed: one
/// background writer drains a queue and stores everything waiting (up to <see cref="IntakeOptions.MaxBatchSize"/>) in a
/// single transaction, so one fsync serves many requests. Stored jobs wake their workers at once: the store tells the
/// engine when the transaction commits.
/// </summary>
public sealed partial class EventIntake : IAsyncDisposable
{
    private readonly Channel<PendingEvent> queue = Channel.CreateUnbounded<PendingEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IEventStore store;
    private readonly TimeProvider time;
    private readonly ILogger<EventIntake> logger;
    private readonly int maxBatchSize;
    private readonly SemaphoreSlim commitSlots;
    private readonly Task writer;
    private long commits;
    private long events;
    private long stored;
    private long duplicates;

    public EventIntake(IEventStore store, IOptions<IntakeOptions> options, TimeProvider time, ILogger<EventIntake> logger)
    {
        this.store = store;
        this.time = time;
        this.logger = logger;
        maxBatchSize = Math.Max(1, options.Value.MaxBatchSize);
        commitSlots = new SemaphoreSlim(Math.Max(1, options.Value.MaxConcurrentCommits));
        // Started with no span current: the intake may be made during a request, whose span must not parent every commit.
        using (ExecutionContext.SuppressFlow())
        {
            writer = Task.Run(WriteLoopAsync);
        }
    }

    public IntakeStatistics Statistics => new(
        Interlocked.Read(ref commits), Interlocked.Read(ref events), Interlocked.Read(ref stored), Interlocked.Read(ref duplicates));

    /// <summary>
    /// Completes once the event and its jobs are committed (<see cref="IngestOutcome.Stored"/>), or once it is known to be
    /// a duplicate of a stored event (nothing new stored). Throws when the store fails: the caller answers with an error
    /// and the sender delivers again. The event's span (a child of the request's) is the parent of its jobs' runs.
    /// </summary>
    public async Task<IngestOutcome> IngestAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        using var span = EngineTracing.Source.StartActivity("ingest " + inbound.Source, ActivityKind.Producer);
        span?.SetTag("contractbridge.event.source", inbound.Source);
        span?.SetTag("contractbridge.event.jobs", inbound.Jobs.Count);
        // Stamped here: the group commit runs on the writer's own flow, where this request's span is not current.
        var pending = new PendingEvent(inbound with { Jobs = EngineTracing.Stamped(inbound.Jobs, EngineTracing.CurrentTraceParent()) });
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(EventIntake), "The intake is shutting down and takes no more events.");
        }

        try
        {
            // Cancelling only stops the wait: the event may still be committed, and a redelivery will find it a duplicate.
            var outcome = await pending.Outcome.Task.WaitAsync(cancellationToken);
            span?.SetTag("contractbridge.event.outcome", outcome == IngestOutcome.Stored ? "stored" : "duplicate");
            return outcome;
        }
        catch (Exception ex) when (span is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
        commitSlots.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var inFlight = new List<Task>();
        while (await queue.Reader.WaitToReadAsync())
        {
            // Take a commit slot first, then the batch: everything that queued while the slots were busy goes in it.
            await commitSlots.WaitAsync();
            var batch = new List<PendingEvent>();
            while (batch.Count < maxBatchSize && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            inFlight.RemoveAll(t => t.IsCompleted);
            inFlight.Add(CommitBatchAsync(batch));
        }

        await Task.WhenAll(inFlight);
    }

    private async Task CommitBatchAsync(List<PendingEvent> batch)
    {
        try
        {
            if (batch.Count > 0)
            {
                await CommitAsync(batch);
            }
        }
        catch (Exception ex)
        {
            // One bad event must not fail its neighbours: store them one by one to find it.
            Log.BatchFailed(logger, ex, batch.Count);
            await CommitOneByOneAsync(batch);
        }
        finally
        {
            commitSlots.Release();
        }
    }

    private async Task CommitAsync(IReadOnlyList<PendingEvent> batch)
    {
        var outcomes = await store.StoreEventsAsync([.. batch.Select(p => p.Event)], time.GetUtcNow(), CancellationToken.None);
        Interlocked.Increment(ref commits);
        Interlocked.Add(ref events, batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] == IngestOutcome.Stored)
            {
                Interlocked.Increment(ref stored);
            }
            else
            {
                Interlocked.Increment(ref duplicates);
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Outcome.TrySetResult(outcomes[i]);
        }
    }

    private async Task CommitOneByOneAsync(IReadOnlyList<PendingEvent> batch)
    {
        foreach (var pending in batch)
        {
            try
            {
                await CommitAsync([pending]);
            }
            catch (Exception ex)
            {
                pending.Outcome.TrySetException(ex);
            }
        }
    }

    private sealed record PendingEvent(InboundEvent Event)
    {
        public TaskCompletionSource<IngestOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Storing a batch of {Count} events failed; storing them one by one")]
        public static partial void BatchFailed(ILogger logger, Exception exception, int count);
    }
}
