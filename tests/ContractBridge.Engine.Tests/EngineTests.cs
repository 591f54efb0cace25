using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Engine.Tests;

/// <summary>
/// The job engine end to end on a real store: ordering, outcomes, retries, leases and shutdown. Over 300 lines because
/// each test runs on both stores through one abstract class (the SQLite and PostgreSQL subclasses are empty).
/// </summary>
public abstract class EngineTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Jobs in the several-instances test; more where the database is shared by real instances.</summary>
    protected virtual int InstanceTestJobs => 2000;

    [Fact]
    public async Task Engine_RunsEveryJobOnce_SameKeyInArrivalOrder_NeverConcurrently()
    {
        var log = new RunLog();
        var handler = new DelegateHandler("k", async (batch, ct) =>
        {
            foreach (var job in batch.Jobs)
            {
                using (log.Enter(job))
                {
                    await Task.Yield();
                }

                await batch.CompleteAsync(job, JobResult.Done, ct);
            }
        }, new JobHandlerOptions(MaxBatchSize: 5, MaxConcurrentBatches: 4));
        await Store.EnqueueAsync([.. Enumerable.Range(0, 200).Select(i => Engines.Job("k", $"lead:{i % 20}", $"{i / 20}"))], T0, None);

        await using var engine = await Engines.StartAsync(Store, [handler], Engines.Options("one"));
        await Eventually.TrueAsync(async () => (await Store.CountAsync(None)).Succeeded == 200, "all 200 jobs to succeed");

        Assert.Equal(0, log.Overlaps);
        Assert.Equal(200, log.Runs.Select(r => r.JobId).Distinct().Count());
        Assert.All(log.Runs.GroupBy(r => r.Key), runs => Assert.Equal(Enumerable.Range(0, 10).Select(i => $"{i}"), runs.Select(r => r.Payload)));
    }

    [Fact]
    public async Task Engine_BatchHandler_GetsUpToMaxBatchSize_NeverTwoOfOneKey()
    {
        var batches = new System.Collections.Concurrent.ConcurrentBag<IReadOnlyList<Job>>();
        var handler = new DelegateHandler("notes", async (batch, ct) =>
        {
            batches.Add(batch.Jobs);
            foreach (var job in batch.Jobs)
            {
                await batch.CompleteAsync(job, JobResult.Done, ct);
            }
        }, new JobHandlerOptions(MaxBatchSize: 25, MaxConcurrentBatches: 1, Linger: TimeSpan.FromMilliseconds(100)));
        await Store.EnqueueAsync([.. Enumerable.Range(0, 100).Select(i => Engines.Job("notes", $"lead:{i % 60}"))], T0, None);

        await using var engine = await Engines.StartAsync(Store, [handler], Engines.Options("batcher"));
        await Eventually.TrueAsync(async () => (await Store.CountAsync(None)).Succeeded == 100, "all notes to be written");

        Assert.All(batches, b => Assert.InRange(b.Count, 1, 25));
        Assert.All(batches, b => Assert.Equal(b.Count, b.Select(j => j.Key).Distinct().Count()));
        Assert.Contains(batches, b => b.Count == 25);
    }

    [Fact]
    public async Task Engine_Linger_EndsOnceNoJobHasArrivedForTheQuietPeriod()
    {
        var time = new FakeTimeProvider(T0);
        var queue = new JobQueue(Store, time);
        var batches = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var handler = new DelegateHandler("notes", async (batch, ct) =>
        {
            batches.Enqueue(batch.Jobs.Count);
            foreach (var job in batch.Jobs)
            {
                await batch.CompleteAsync(job, JobResult.Done, ct);
            }
        }, new JobHandlerOptions(MaxBatchSize: 250, MaxConcurrentBatches: 1, Linger: TimeSpan.FromHours(1), LingerQuiet: TimeSpan.FromSeconds(1)));
        await using var engine = await Engines.StartAsync(Store, [handler], Engines.Options("quiet", o => o.PollInterval = TimeSpan.FromHours(2)), time);
        var advanced = TimeSpan.Zero;
        async Task<bool> SucceededAdvancing(int count)
        {
            if ((await Store.CountAsync(None)).Succeeded >= count)
            {
                return true;
            }

            time.Advance(TimeSpan.FromMilliseconds(100));
            advanced += TimeSpan.FromMilliseconds(100);
            return false;
        }

        // The first job proves the worker is up; the next three arrive together while it sleeps, and go together: at once
        // if the first job's batch is gone, after 1 s of quiet if it is still finishing.
        await queue.EnqueueAsync([Engines.Job("notes", "lead:1")], None);
        await Eventually.TrueAsync(() => SucceededAdvancing(1), "the first note to be written");
        await queue.EnqueueAsync([.. Enumerable.Range(2, 3).Select(i => Engines.Job("notes", $"lead:{i}"))], None);
        await Eventually.TrueAsync(() => SucceededAdvancing(4), "the next three notes to be written");

        Assert.True(advanced < TimeSpan.FromMinutes(1), $"the hour-long linger ended early, after {advanced} of quiet and polling");
        Assert.Equal([1, 3], batches);
    }

    [Fact]
    public async Task Engine_LoneJob_IsClaimedAtOnce_WhenNoneOfItsKindIsInFlight()
    {
        var time = new FakeTimeProvider(T0);
        var queue = new JobQueue(Store, time);
        var handler = DelegateHandler.EachJob("notes", _ => JobResult.Done, new JobHandlerOptions(MaxBatchSize: 250, MaxConcurrentBatches: 1, Linger: TimeSpan.FromHours(1)));
        await using var engine = await Engines.StartAsync(Store, [handler], Engines.Options("lone", o => o.PollInterval = TimeSpan.FromHours(2)), time);

        // The clock never moves: an hour-long linger would hold the job for ever, and nothing else would wake the worker.
        await queue.EnqueueAsync([Engines.Job("notes", "lead:1")], None);

        await Eventually.TrueAsync(async () => (await Store.CountAsync(None)).Succeeded == 1, "the lone note to be written without waiting out the linger");
    }

    [Fact]
    public async Task Engine_JobsArrivingWhileABatchIsInFlight_GatherIntoTheNextBatch()
    {
        var time = new FakeTimeProvider(T0);
        var queue = new JobQueue(Store, time);
        var batches = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler("notes", async (batch, ct) =>
        {
            batches.Enqueue(batch.Jobs.Count);
            if (batches.Count == 1)
            {
                firstStarted.SetResult();
                await releaseFirst.Task.WaitAsync(ct);
            }

            foreach (var job in batch.Jobs)
            {
                await batch.CompleteAsync(job, JobResult.Done, ct);
            }
        }, new JobHandlerOptions(MaxBatchSize: 250, MaxConcurrentBatches: 2, Linger: TimeSpan.FromHours(1)));
        await using var engine = await Engines.StartAsync(Store, [handler], Engines.Options("group", o => o.PollInterval = TimeSpan.FromHours(2)), time);

        await queue.EnqueueAsync([Engines.Job("notes", "lead:1")], None);
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var lead in (int[])[2, 3, 4])
        {
            await queue.EnqueueAsync([Engines.Job("notes", $"lead:{lead}")], None);
        }

        releaseFirst.SetResult();
        await Eventually.TrueAsync(async () => (await Store.CountAsync(None)).Succeeded == 1, "the first note to be written");
        time.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(async () => (await Store.CountAsync(None)).Succeeded == 4, "the three that came while it was in flight to be written");

        // A free slot did not send them one by one while the first was in flight: they waited for each other.
        Assert.Equal([1, 3], batches);
    }

    [Fact]
    public async Task Engine_FollowUps_AreCommittedWithTheCompletion_AndRun()
    {
        var followed = new TaskCompletionSource<Job>(TaskCreationOptions.RunContinuationsAsynchronously);
        IJobHandler[] handlers =
        [
            DelegateHandler.EachJob("contract.launch", j => JobResult.Then(Engines.Job("kommo.note", j.Key, "launched"))),
            DelegateHandler.EachJob("kommo.note", j => { followed.TrySetResult(j); return JobResult.Done; }),
        ];
        await Store.EnqueueAsync([Engines.Job("contract.launch", "lead:1")], T0, None);

        await using var engine = await Engines.StartAsync(Store, handlers, Engines.Options("follow"));
        var note = await followed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(("lead:1", "launched"), (note.Key, note.Payload));
    }

    [Fact]
    public async Task Engine_PermanentFailure_GoesToDeadLettersAtOnce()
    {
        var job = await EnqueueOneAsync("k");

        await using var engine = await Engines.StartAsync(Store, [DelegateHandler.EachJob("k", _ => new JobResult.Permanent("No contact email on lead 1"))], Engines.Options("perm"));
        var dead = await DeadAsync(job);

        Assert.Equal((1, "No contact email on lead 1"), (dead.Attempts, dead.LastError));
        Assert.Equal("No contact email on lead 1", Assert.Single(await Store.ListDeadLettersAsync(job, None)).Error);
    }

    [Fact]
    public async Task Engine_HandlerThrowsPermanentJobException_DeadLettersTheUnreportedJobs()
    {
        var job = await EnqueueOneAsync("k");

        await using var engine = await Engines.StartAsync(Store, [new DelegateHandler("k", (_, _) => throw new PermanentJobException("Template 'MSA' not found"))], Engines.Options("throws"));
        var dead = await DeadAsync(job);

        Assert.Equal("Template 'MSA' not found", dead.LastError);
    }

    [Fact]
    public async Task Engine_HandlerThrows_RetriesTheJobWithTheExceptionMessage()
    {
        var time = new FakeTimeProvider(T0);
        var job = await EnqueueOneAsync("k");

        await using var engine = await Engines.StartAsync(Store, [new DelegateHandler("k", (_, _) => throw new HttpRequestException("Connection refused"))], Engines.Options("throws"), time);
        var retried = await PendingAfterAttemptAsync(job, 1);

        Assert.Equal("HttpRequestException: Connection refused", retried.LastError);
        Assert.True(retried.NextAttemptAt > T0);
    }

    [Fact]
    public async Task Engine_HandlerReturnsWithoutReporting_RetriesTheJob()
    {
        var time = new FakeTimeProvider(T0);
        var job = await EnqueueOneAsync("k");

        await using var engine = await Engines.StartAsync(Store, [new DelegateHandler("k", (_, _) => Task.CompletedTask)], Engines.Options("silent"), time);
        var retried = await PendingAfterAttemptAsync(job, 1);

        Assert.Equal("The handler returned without reporting this job.", retried.LastError);
    }

    [Fact]
    public async Task Engine_JobReportedTwice_KeepsTheFirstOutcome()
    {
        var job = await EnqueueOneAsync("k");
        var handler = new DelegateHandler("k", async (batch, ct) =>
        {
            await batch.CompleteAsync(batch.Jobs[0], JobResult.Done, ct);
            await batch.CompleteAsync(batch.Jobs[0], new JobResult.Permanent("too late"), ct);
        });

        await using var engine = await Engines.StartAsync(Store, [handler], Engines.Options("twice"));
        await Eventually.TrueAsync(async () => (await Store.GetAsync(job, None))!.Status == JobStatus.Succeeded, "the job to succeed");

        Assert.Empty(await Store.ListDeadLettersAsync(job, None));
    }

    [Fact]
    public async Task Engine_TransientFailures_BackOffExponentiallyWithJitter_ThenSucceed()
    {
        var time = new FakeTimeProvider(T0);
        var runs = 0;
        var job = await EnqueueOneAsync("k");
        var options = Engines.Options("retry", o => o.BackoffBase = TimeSpan.FromSeconds(4));

        await using var engine = await Engines.StartAsync(
            Store, [DelegateHandler.EachJob("k", _ => Interlocked.Increment(ref runs) <= 3 ? new JobResult.Transient("HTTP 503") : JobResult.Done)], options, time);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var pending = await PendingAfterAttemptAsync(job, attempt);
            var delay = pending.NextAttemptAt!.Value - pending.UpdatedAt;
            var backoff = TimeSpan.FromSeconds(4 * Math.Pow(2, attempt - 1));
            Assert.InRange(delay, (backoff / 2) - TimeSpan.FromMilliseconds(1), backoff);
            time.Advance(delay - TimeSpan.FromMilliseconds(1));
            Assert.Equal(JobStatus.Pending, (await Store.GetAsync(job, None))!.Status);
            await AdvanceUntilAsync(time, async () => (await Store.GetAsync(job, None))!.Attempts > attempt, $"attempt {attempt + 1} to start");
        }

        await AdvanceUntilAsync(time, async () => (await Store.GetAsync(job, None))!.Status == JobStatus.Succeeded, "the fourth attempt to succeed");
        Assert.Equal(4, (await Store.GetAsync(job, None))!.Attempts);
    }

    [Fact]
    public async Task Engine_RetryAfter_IsHonouredExactly()
    {
        var time = new FakeTimeProvider(T0);
        var job = await EnqueueOneAsync("k");

        await using var engine = await Engines.StartAsync(
            Store, [DelegateHandler.EachJob("k", j => j.Attempt == 1 ? new JobResult.Transient("HTTP 429", TimeSpan.FromSeconds(90)) : JobResult.Done)],
            Engines.Options("429"), time);
        var pending = await PendingAfterAttemptAsync(job, 1);
        time.Advance(TimeSpan.FromSeconds(89));
        var beforeRetryAfter = await Store.GetAsync(job, None);

        Assert.Equal(T0.AddSeconds(90), pending.NextAttemptAt);
        Assert.Equal(JobStatus.Pending, beforeRetryAfter!.Status);
        await AdvanceUntilAsync(time, async () => (await Store.GetAsync(job, None))!.Status == JobStatus.Succeeded, "the retry after 90 s to succeed");
    }

    [Fact]
    public async Task Engine_MaxAttempts_MovesTheJobToDeadLetters_AndReplayRunsItAgain()
    {
        var time = new FakeTimeProvider(T0);
        var fail = true;
        var job = await EnqueueOneAsync("k");
        var options = Engines.Options("max", o => (o.MaxAttempts, o.BackoffBase) = (3, TimeSpan.FromSeconds(1)));

        await using var engine = await Engines.StartAsync(
            Store, [DelegateHandler.EachJob("k", _ => Volatile.Read(ref fail) ? new JobResult.Transient("HTTP 502") : JobResult.Done)], options, time);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await PendingAfterAttemptAsync(job, attempt);
            await AdvanceUntilAsync(time, async () => (await Store.GetAsync(job, None))!.Attempts > attempt, $"attempt {attempt + 1} to run");
        }

        var dead = await DeadAsync(job);
        Volatile.Write(ref fail, false);
        Assert.True(await Store.ReplayAsync(job, time.GetUtcNow(), None));

        Assert.Equal((3, "Gave up after 3 attempts: HTTP 502"), (dead.Attempts, dead.LastError));
        await AdvanceUntilAsync(time, async () => (await Store.GetAsync(job, None))!.Status == JobStatus.Succeeded, "the replayed job to succeed");
    }

    [Fact]
    public async Task Engine_ExpiredLeaseOfACrashedInstance_IsTakenOverAndFinished_EvenWhileItsRowSaysItIsAlive()
    {
        var job = await EnqueueOneAsync("k");
        var crashedClock = new FakeTimeProvider(T0);
        var claimedByCrashed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var neverFinishes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crashed = await Engines.StartAsync(Database.Open(), [new DelegateHandler("k", async (batch, _) =>
        {
            claimedByCrashed.TrySetResult();
            await neverFinishes.Task;
            await batch.CompleteAsync(batch.Jobs[0], JobResult.Done, CancellationToken.None);
        })], Engines.Options("crashed", o => o.InstanceTimeout = TimeSpan.FromHours(1)), crashedClock);
        await claimedByCrashed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The crashed instance's clock stands still: its heartbeat never renews the lease, as if the process were gone.
        // Its instance row says it is alive for an hour, so only the lease, the backstop, can free the job.
        var survivorClock = new FakeTimeProvider(T0);
        var log = new RunLog();
        await using var survivor = await Engines.StartAsync(Store, [DelegateHandler.EachJob("k", j => { log.Enter(j, "survivor").Dispose(); return JobResult.Done; })], Engines.Options("survivor"), survivorClock);
        survivorClock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(JobStatus.Running, (await Store.GetAsync(job, None))!.Status);
        await AdvanceUntilAsync(survivorClock, async () => (await Store.GetAsync(job, None))!.Status == JobStatus.Succeeded, "the survivor to finish the job");
        neverFinishes.SetResult();
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await crashed.StopAsync(giveUp.Token);

        var summary = (await Store.GetAsync(job, None))!;
        Assert.Equal((JobStatus.Succeeded, 2), (summary.Status, summary.Attempts));
        Assert.Equal(2, Assert.Single(log.Runs).Attempt);
    }

    [Fact]
    public async Task Engine_LongBatch_KeepsItsLeaseByHeartbeat_SoNoOtherInstanceRunsIt()
    {
        var time = new FakeTimeProvider(T0);
        var job = await EnqueueOneAsync("k");
        var log = new RunLog();
        var workDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A 3-second lease, renewed every second; the work lasts two and a half lease durations.
        var (lease, work, step) = (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7.5), TimeSpan.FromMilliseconds(100));
        var options = (string id) => Engines.Options(id, o => (o.LeaseDuration, o.PollInterval) = (lease, TimeSpan.FromMilliseconds(20)));
        var handler = new DelegateHandler("k", async (batch, ct) =>
        {
            using (log.Enter(batch.Jobs[0]))
            {
                await workDone.Task.WaitAsync(ct);
            }

            await batch.CompleteAsync(batch.Jobs[0], JobResult.Done, ct);
        });
        var holder = new ObservedJobStore(Store);
        var other = new ObservedJobStore(Database.Open());

        await using var first = await Engines.StartAsync(holder, [handler], options("first"), time);
        await Eventually.TrueAsync(() => log.Count == 1, "the first instance to start the job");
        await using var second = await Engines.StartAsync(other, [handler], options("second"), time);
        // The clock moves on a step only once the lease reaches past it, so a heartbeat that is late in this machine's
        // real time cannot let the lease lapse (nor the instance row, which its beats keep alive); a heartbeat that is
        // missing or late by the clock fails the wait. It moves
        // on until the work is done and the second instance has looked for jobs after the first lease would have ended.
        // The work ends even when a wait fails: the engines' shutdown timeout runs on this clock and would never pass.
        try
        {
            while (time.GetUtcNow() < T0 + work || !(other.LastClaimAt > T0 + lease))
            {
                await Eventually.TrueAsync(() => holder.HeldUntil > time.GetUtcNow() + step, $"the heartbeat to renew the lease at {time.GetUtcNow() - T0} on the clock");
                await Eventually.TrueAsync(() => holder.AliveUntil > time.GetUtcNow() + step, $"the instance to beat at {time.GetUtcNow() - T0} on the clock");
                time.Advance(step);
            }
        }
        finally
        {
            workDone.SetResult();
        }

        await Eventually.TrueAsync(async () => (await Store.GetAsync(job, None))!.Status == JobStatus.Succeeded, "the job to succeed");

        Assert.Equal(1, log.Count);
        Assert.Equal(1, (await Store.GetAsync(job, None))!.Attempts);
    }

    [Fact]
    public async Task Engine_SeveralInstances_RunEachJobExactlyOnce_AndKeysStayInOrder()
    {
        var log = new RunLog();
        var total = InstanceTestJobs;
        IJobHandler HandlerFor(string instance) => new DelegateHandler("k", async (batch, ct) =>
        {
            foreach (var job in batch.Jobs)
            {
                using (log.Enter(job, instance))
                {
                    await Task.Delay(1, ct); // some work, so that one instance cannot drain the queue alone
                }

                await batch.CompleteAsync(job, JobResult.Done, ct);
            }
        }, new JobHandlerOptions(MaxBatchSize: 10, MaxConcurrentBatches: 3));
        var engines = new List<Jobs.JobEngine>();
        for (var i = 0; i < 3; i++)
        {
            engines.Add(await Engines.StartAsync(Database.Open(), [HandlerFor($"i{i}")], Engines.Options($"i{i}", o => o.PollInterval = TimeSpan.FromMilliseconds(20))));
        }

        for (var chunk = 0; chunk < total; chunk += 250)
        {
            await Store.EnqueueAsync([.. Enumerable.Range(chunk, Math.Min(250, total - chunk)).Select(i => Engines.Job("k", $"lead:{i % 300}", $"{i:D6}"))], T0, None);
        }

        await Eventually.TrueAsync(async () => (await Store.CountAsync(None)).Succeeded == total, $"all {total} jobs to succeed", TimeSpan.FromMinutes(3));
        foreach (var engine in engines)
        {
            await engine.DisposeAsync();
        }

        Assert.Equal(total, log.Count);
        Assert.Equal(total, log.Runs.Select(r => r.JobId).Distinct().Count());
        Assert.Equal(0, log.Overlaps);
        Assert.All(log.Runs.GroupBy(r => r.Key), runs => Assert.Equal(runs.Select(r => r.Payload).Order(StringComparer.Ordinal), runs.Select(r => r.Payload)));
        Assert.True(log.Runs.Select(r => r.Instance).Distinct().Count() > 1, "Only one instance ran jobs.");
    }

    [Fact]
    public async Task Engine_Stop_LetsARunningBatchFinish_AndClaimsNothingNew()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = await EnqueueOneAsync("k");
        var engine = await Engines.StartAsync(Store, [new DelegateHandler("k", async (batch, ct) =>
        {
            started.TrySetResult();
            await finish.Task;
            await batch.CompleteAsync(batch.Jobs[0], JobResult.Done, ct);
        }, new JobHandlerOptions(MaxConcurrentBatches: 4))], Engines.Options("stopping"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stopping = engine.StopAsync(None);
        var second = await EnqueueOneAsync("k", "lead:2");
        finish.SetResult();
        await stopping;

        Assert.Equal(JobStatus.Succeeded, (await Store.GetAsync(first, None))!.Status);
        var untouched = (await Store.GetAsync(second, None))!;
        Assert.Equal((JobStatus.Pending, 0), (untouched.Status, untouched.Attempts));
    }

    [Fact]
    public async Task Engine_Stop_AfterTheTimeout_ReleasesUnfinishedJobs_KeepingTheAttemptCounted()
    {
        var stubbornRelease = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var cooperative = await EnqueueOneAsync("k", "lead:cooperative");
        var stubborn = await EnqueueOneAsync("k", "lead:stubborn");
        var engine = await Engines.StartAsync(Store, [new DelegateHandler("k", async (batch, ct) =>
        {
            Interlocked.Increment(ref running);
            if (batch.Jobs[0].Key == "lead:cooperative")
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            await stubbornRelease.Task; // ignores cancellation altogether
            await batch.CompleteAsync(batch.Jobs[0], JobResult.Done, CancellationToken.None);
        }, new JobHandlerOptions(MaxConcurrentBatches: 2))], Engines.Options("timeout", o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(300)));
        await Eventually.TrueAsync(() => Volatile.Read(ref running) == 2, "both jobs to be running");

        await engine.StopAsync(None);
        stubbornRelease.SetResult();

        foreach (var id in new[] { cooperative, stubborn })
        {
            var job = (await Store.GetAsync(id, None))!;
            Assert.Equal((JobStatus.Pending, 1, (string?)null), (job.Status, job.Attempts, job.LeaseOwner));
        }
    }

    /// <summary>
    /// Moves a fake clock on in steps no longer than the engine's poll interval until <paramref name="condition"/> holds:
    /// a worker may read the clock just before a step and arm its timer just after, so one exact jump could strand it.
    /// </summary>
    private static Task AdvanceUntilAsync(FakeTimeProvider time, Func<Task<bool>> condition, string what) =>
        Eventually.TrueAsync(async () =>
        {
            if (await condition())
            {
                return true;
            }

            time.Advance(TimeSpan.FromMilliseconds(100));
            return false;
        }, what);

    private async Task<long> EnqueueOneAsync(string kind, string key = "lead:1")
    {
        await Store.EnqueueAsync([Engines.Job(kind, key)], T0, None);
        return (await Store.ListAsync(null, 1, None))[0].Id;
    }

    private async Task<JobSummary> PendingAfterAttemptAsync(long jobId, int attempt)
    {
        JobSummary? summary = null;
        await Eventually.TrueAsync(async () =>
        {
            summary = await Store.GetAsync(jobId, None);
            return summary is { Status: JobStatus.Pending } && summary.Attempts == attempt;
        }, $"attempt {attempt} to fail and the job to wait for its retry");
        return summary!;
    }

    private async Task<JobSummary> DeadAsync(long jobId)
    {
        JobSummary? summary = null;
        await Eventually.TrueAsync(async () =>
        {
            summary = await Store.GetAsync(jobId, None);
            return summary is { Status: JobStatus.Dead };
        }, "the job to be dead-lettered");
        return summary!;
    }
}
