using System.Collections.Concurrent;
using System.Diagnostics;

using ContractBridge.Engine.Jobs;

namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>
/// Records the spans of the engine's source that end while it lives. Listeners are process-wide, so tests running
/// beside each other may add spans here too: assertions pick theirs by trace id.
/// </summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<Activity> ended = new();

    public SpanRecorder()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = ended.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<Activity> Ended => [.. ended];

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. ended.Where(a => a.TraceId == traceId)];

    public void Dispose() => listener.Dispose();
}
