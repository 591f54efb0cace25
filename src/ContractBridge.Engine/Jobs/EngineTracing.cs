using System.Diagnostics;

namespace ContractBridge.Engine.Jobs;

/// <summary>
/// The engine's spans: an event's intake, each job's run, and a batch's shared work. Jobs carry the W3C traceparent of
/// the span that stored them, so the work an event starts, and the follow-ups of that work, continue its trace across
/// claims, retries and instances. With no listener (tracing off) no span is made; a traceparent is still stored when an
/// activity is current (ASP.NET Core makes one per request), so a trace can be followed once tracing is turned on.
/// </summary>
public static class EngineTracing
{
    public const string SourceName = "ContractBridge.Engine";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current activity as a W3C traceparent, or null when there is none (or it is not in W3C format).</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>The stored traceparent as a parent context; default (a new trace) when absent or unreadable.</summary>
    internal static ActivityContext ParentOf(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent) ? parent : default;

    /// <summary>Jobs without a traceparent of their own get <paramref name="traceParent"/>.</summary>
    internal static IReadOnlyList<NewJob> Stamped(IReadOnlyList<NewJob> jobs, string? traceParent) =>
        traceParent is null || jobs.All(j => j.TraceParent is not null) ? jobs : [.. jobs.Select(j => j.TraceParent is null ? j with { TraceParent = traceParent } : j)];
}
