using System.Diagnostics;

namespace ContractBridge.Engine.Jobs;

/// <summary>
/// The spans of one claimed batch. Each job gets a span of its own, a child of the traceparent it was stored with, from
/// its claim until its outcome is recorded: a deal's story stays one trace however its jobs were batched. A batch of
/// one job runs its handler under that job's span. A larger batch runs it under a batch span of its own, linked to
/// each job's span: the work the jobs share (one upstream call for 250 notes) belongs to no single trace, and a span has
/// one parent. Handlers put the work they do for one job under its span with <see cref="JobBatch.EnterSpanOf"/>.
/// With no listener no span is made, and follow-ups still inherit the job's stored traceparent.
/// </summary>
internal sealed class BatchSpans : IDisposable
{
    private readonly Dictionary<long, Activity> jobSpans = [];
    private readonly Activity? batchSpan;
    private readonly Lock gate = new();

    public BatchSpans(string kind, IReadOnlyList<Job> jobs)
    {
        // Spans are made without becoming current here: the handler's flow is given one in RunUnder.
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            foreach (var job in jobs)
            {
                var span = EngineTracing.Source.StartActivity("process " + kind, ActivityKind.Consumer, EngineTracing.ParentOf(job.TraceParent));
                if (span is null)
                {
                    continue;
                }

                span.SetTag("contractbridge.job.id", job.Id);
                span.SetTag("contractbridge.job.kind", job.Kind);
                span.SetTag("contractbridge.job.key", job.Key);
                span.SetTag("contractbridge.job.attempt", job.Attempt);
                jobSpans[job.Id] = span;
                Activity.Current = null;
            }

            if (jobs.Count > 1)
            {
                batchSpan = EngineTracing.Source.StartActivity(
                    kind + " batch", ActivityKind.Internal, parentContext: default, links: [.. jobSpans.Values.Select(s => new ActivityLink(s.Context))]);
                batchSpan?.SetTag("contractbridge.job.kind", kind);
                batchSpan?.SetTag("contractbridge.batch.size", jobs.Count);
            }
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    /// <summary>The span the handler runs under: the batch's, or its one job's.</summary>
    public Activity? Shared => batchSpan ?? (jobSpans.Count == 1 ? jobSpans.Values.Single() : null);

    public Activity? Of(Job job)
    {
        lock (gate)
        {
            return jobSpans.GetValueOrDefault(job.Id);
        }
    }

    /// <summary>Follow-ups without a traceparent continue the job's trace: its span, or the traceparent it was stored with.</summary>
    public JobResult Continuing(Job job, JobResult result) =>
        result is JobResult.Succeeded { FollowUps.Count: > 0 } succeeded
            ? new JobResult.Succeeded(EngineTracing.Stamped(succeeded.FollowUps, Of(job)?.Id ?? job.TraceParent))
            : result;

    /// <summary>Ends the job's span with its outcome; null means it was given back unfinished (shutdown).</summary>
    public void End(Job job, JobResult? result)
    {
        Activity? span;
        lock (gate)
        {
            if (!jobSpans.Remove(job.Id, out span))
            {
                return;
            }
        }

        switch (result)
        {
            case JobResult.Succeeded:
                span.SetTag("contractbridge.job.outcome", "succeeded");
                break;
            case JobResult.Transient transient:
                span.SetTag("contractbridge.job.outcome", "transient");
                span.SetStatus(ActivityStatusCode.Error, transient.Error);
                break;
            case JobResult.Permanent permanent:
                span.SetTag("contractbridge.job.outcome", "failed");
                span.SetStatus(ActivityStatusCode.Error, permanent.Error);
                break;
            default:
                span.SetTag("contractbridge.job.outcome", "released");
                break;
        }

        Stop(span);
    }

    /// <summary>Ends the batch span, and any job span left (an outcome that was never recorded).</summary>
    public void Dispose()
    {
        List<Activity> left;
        lock (gate)
        {
            left = [.. jobSpans.Values];
            jobSpans.Clear();
        }

        left.ForEach(Stop);
        if (batchSpan is not null)
        {
            Stop(batchSpan);
        }
    }

    /// <summary>Stop makes the span's predecessor current in the calling flow: put back what was current instead.</summary>
    private static void Stop(Activity span)
    {
        var current = Activity.Current;
        span.Stop();
        Activity.Current = current == span ? null : current;
    }
}
