using System.Diagnostics;
using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContractBridge.Engine.Tests;

/// <summary>Jobs keep the traceparent of the span that stored them, and their runs and follow-ups continue its trace.</summary>
public abstract class TracingTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private const string Stored = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Claim_GivesBackTheTraceParentAJobWasStoredWith_OrTheSpanCurrentThen()
    {
        await Store.EnqueueAsync([Engines.Job("k", "explicit") with { TraceParent = Stored }], T0, None);
        await Store.EnqueueAsync([Engines.Job("k", "untraced")], T0, None);
        string current;
        using (var request = StartW3C("request"))
        {
            current = request.Id!;
            await Store.EnqueueAsync([Engines.Job("k", "current")], T0, None);
        }

        var claimed = await Store.ClaimAsync("k", 10, "me", T0, Lease, None);

        Assert.Equal(
            [("explicit", Stored), ("untraced", null), ("current", current)],
            claimed.Select(j => (j.Key, j.TraceParent)));
    }

    [Fact]
    public async Task Complete_FollowUpsWithoutATraceParent_TakeTheSpanCurrentThen()
    {
        await Store.EnqueueAsync([Engines.Job("k", "first")], T0, None);
        var first = Assert.Single(await Store.ClaimAsync("k", 10, "me", T0, Lease, None));
        string current;
        using (var run = StartW3C("run"))
        {
            current = run.Id!;
            await Store.CompleteAsync(first.Id, "me", [Engines.Job("k", "next"), Engines.Job("k", "other") with { TraceParent = Stored }], T0, None);
        }

        var next = await Store.ClaimAsync("k", 10, "me", T0, Lease, None);

        Assert.Equal([("next", current), ("other", Stored)], next.Select(j => (j.Key, j.TraceParent)));
    }

    [Fact]
    public async Task Ingest_TheEventsJobsAndTheirFollowUps_ContinueTheRequestsTrace()
    {
        using var spans = new SpanRecorder();
        var followUpRan = new TaskCompletionSource<Job>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = DelegateHandler.EachJob("first", _ => JobResult.Then(Engines.Job("second", "lead:1")));
        var second = DelegateHandler.EachJob("second", job =>
        {
            followUpRan.TrySetResult(job);
            return JobResult.Done;
        });
        await using var engine = await Engines.StartAsync(Store, [first, second], Engines.Options("tracer"));
        await using var intake = new EventIntake(Store, Engines.Wrap(new IntakeOptions()), TimeProvider.System, NullLogger<EventIntake>.Instance);
        ActivityTraceId traceId;
        using (var request = StartW3C("request"))
        {
            traceId = request.TraceId;
            await intake.IngestAsync(new InboundEvent("kommo", "evt-1", "lead 1", "text/plain", "x", [Engines.Job("first", "lead:1")]), None);
        }

        var followUp = await followUpRan.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var trace = await Eventually.GetAsync(
            () => spans.InTrace(traceId) is var ended && ended.Any(s => s.DisplayName == "process second") ? ended : null,
            "the follow-up's span");

        var ingest = trace.Single(s => s.DisplayName == "ingest kommo");
        var firstRun = trace.Single(s => s.DisplayName == "process first");
        var secondRun = trace.Single(s => s.DisplayName == "process second");
        Assert.Equal(ingest.SpanId, firstRun.ParentSpanId);
        Assert.Equal(firstRun.SpanId, secondRun.ParentSpanId);
        Assert.Equal(firstRun.Id, followUp.TraceParent);
        Assert.Equal("succeeded", firstRun.GetTagItem("contractbridge.job.outcome"));
        Assert.Equal("stored", ingest.GetTagItem("contractbridge.event.outcome"));
    }

    [Fact]
    public async Task Batch_OfJobsFromTwoTraces_RunsUnderABatchSpanLinkedToEach_AndEntersAJobsSpanOnRequest()
    {
        using var spans = new SpanRecorder();
        var traces = new[] { ActivityTraceId.CreateRandom(), ActivityTraceId.CreateRandom() };
        await Store.EnqueueAsync(
            [.. traces.Select((t, i) => Engines.Job("batched", $"lead:{i}") with { TraceParent = $"00-{t}-{ActivitySpanId.CreateRandom()}-01" })], T0, None);
        var seen = new TaskCompletionSource<(ActivityTraceId? Shared, ActivityTraceId?[] Entered)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler("batched", async (batch, ct) =>
        {
            var shared = Activity.Current?.TraceId;
            var entered = new ActivityTraceId?[batch.Jobs.Count];
            for (var i = 0; i < batch.Jobs.Count; i++)
            {
                using (batch.EnterSpanOf(batch.Jobs[i]))
                {
                    entered[i] = Activity.Current?.TraceId;
                }

                await batch.CompleteAsync(batch.Jobs[i], JobResult.Done, ct);
            }

            seen.TrySetResult((shared, entered));
        }, new JobHandlerOptions(MaxBatchSize: 10));

        await using var engine = await Engines.StartAsync(Store, [handler], Engines.Options("batcher"));
        var (sharedTrace, enteredTraces) = await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var batchSpan = await Eventually.GetAsync(
            () => spans.Ended.FirstOrDefault(s => s.DisplayName == "batched batch" && s.TraceId == sharedTrace),
            "the batch span");

        Assert.Equal(traces.Cast<ActivityTraceId?>(), enteredTraces);
        Assert.DoesNotContain(sharedTrace, traces.Cast<ActivityTraceId?>());
        Assert.Equal(traces.ToHashSet(), batchSpan.Links.Select(l => l.Context.TraceId).ToHashSet());
    }

    private static Activity StartW3C(string name) => new Activity(name).SetIdFormat(ActivityIdFormat.W3C).Start();
}
