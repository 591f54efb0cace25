using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests;

/// <summary>The durable queue's rules, exercised on the store directly with explicit times.</summary>
public abstract class JobStoreTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Claim_ReturnsDueJobsInArrivalOrder_CountingAnAttempt()
    {
        await Store.EnqueueAsync([Engines.Job("k", "a"), Engines.Job("k", "b"), Engines.Job("k", "c")], T0, None);

        var claimed = await Store.ClaimAsync("k", 10, "me", T0, Lease, None);

        Assert.Equal(["a", "b", "c"], claimed.Select(j => j.Key));
        Assert.All(claimed, j => Assert.Equal(1, j.Attempt));
        Assert.Equal(new JobCounts(0, 3, 0, 0), await Store.CountAsync(None));
    }

    [Fact]
    public async Task Claim_OnlyTakesJobsOfTheAskedKindUpToMax()
    {
        await Store.EnqueueAsync([Engines.Job("k", "a"), Engines.Job("other", "b"), Engines.Job("k", "c"), Engines.Job("k", "d")], T0, None);

        var claimed = await Store.ClaimAsync("k", 2, "me", T0, Lease, None);

        Assert.Equal(["a", "c"], claimed.Select(j => j.Key));
    }

    [Fact]
    public async Task Claim_SameKey_OnlyTheEarliestRunsUntilItFinishes()
    {
        await Store.EnqueueAsync([Engines.Job("k", "lead:1", "first"), Engines.Job("k", "lead:1", "second"), Engines.Job("k", "lead:2")], T0, None);

        var first = await Store.ClaimAsync("k", 10, "me", T0, Lease, None);
        var whileRunning = await Store.ClaimAsync("k", 10, "me", T0, Lease, None);
        await Store.CompleteAsync(first.Single(j => j.Key == "lead:1").Id, "me", [], T0, None);
        var afterwards = await Store.ClaimAsync("k", 10, "me", T0, Lease, None);

        Assert.Equal(["lead:1", "lead:2"], first.Select(j => j.Key));
        Assert.Equal("first", first[0].Payload);
        Assert.Empty(whileRunning);
        Assert.Equal("second", Assert.Single(afterwards).Payload);
    }

    [Fact]
    public async Task Claim_SameKeyAcrossKinds_WaitsForTheEarlierJob()
    {
        await Store.EnqueueAsync([Engines.Job("launch", "lead:1"), Engines.Job("note", "lead:1")], T0, None);

        var notesFirst = await Store.ClaimAsync("note", 10, "me", T0, Lease, None);
        var launch = await Store.ClaimAsync("launch", 10, "me", T0, Lease, None);
        await Store.CompleteAsync(launch[0].Id, "me", [], T0, None);
        var notesAfter = await Store.ClaimAsync("note", 10, "me", T0, Lease, None);

        Assert.Empty(notesFirst);
        Assert.Single(notesAfter);
    }

    [Fact]
    public async Task Claim_PendingRetryOfAKey_BlocksLaterJobsOfThatKey()
    {
        await Store.EnqueueAsync([Engines.Job("k", "lead:1", "first"), Engines.Job("k", "lead:1", "second")], T0, None);
        var first = (await Store.ClaimAsync("k", 10, "me", T0, Lease, None)).Single();
        await Store.RescheduleAsync(first.Id, "me", T0.AddMinutes(1), "boom", T0, None);

        var beforeRetry = await Store.ClaimAsync("k", 10, "me", T0.AddSeconds(30), Lease, None);
        var atRetry = await Store.ClaimAsync("k", 10, "me", T0.AddMinutes(1), Lease, None);

        Assert.Empty(beforeRetry);
        Assert.Equal("first", Assert.Single(atRetry).Payload);
        Assert.Equal(2, atRetry[0].Attempt);
        Assert.Equal("boom", atRetry[0].LastError);
    }

    [Fact]
    public async Task Claim_NotBeforeInTheFuture_WaitsUntilDue()
    {
        await Store.EnqueueAsync([Engines.Job("k", "a", notBefore: T0.AddMinutes(5))], T0, None);

        var early = await Store.ClaimAsync("k", 10, "me", T0.AddMinutes(4), Lease, None);
        var due = await Store.ClaimAsync("k", 10, "me", T0.AddMinutes(5), Lease, None);

        Assert.Empty(early);
        Assert.Single(due);
    }

    [Fact]
    public async Task Claim_ExpiredLease_IsTakenOverByAnotherOwner()
    {
        await Store.EnqueueAsync([Engines.Job("k", "a")], T0, None);
        var crashed = (await Store.ClaimAsync("k", 10, "dead", T0, Lease, None)).Single();

        var beforeExpiry = await Store.ClaimAsync("k", 10, "alive", T0 + Lease - TimeSpan.FromSeconds(1), Lease, None);
        var afterExpiry = await Store.ClaimAsync("k", 10, "alive", T0 + Lease, Lease, None);
        var deadOwnerCompletes = await Store.CompleteAsync(crashed.Id, "dead", [Engines.Job("k", "follow-up")], T0 + Lease, None);

        Assert.Empty(beforeExpiry);
        Assert.Equal(2, Assert.Single(afterExpiry).Attempt);
        Assert.False(deadOwnerCompletes);
        Assert.Equal(new JobCounts(0, 1, 0, 0), await Store.CountAsync(None));
    }

    [Fact]
    public async Task Complete_StoresFollowUpsInTheSameTransaction()
    {
        await Store.EnqueueAsync([Engines.Job("k", "a")], T0, None);
        var job = (await Store.ClaimAsync("k", 10, "me", T0, Lease, None)).Single();

        var completed = await Store.CompleteAsync(job.Id, "me", [Engines.Job("note", "a", "n1"), Engines.Job("note", "a", "n2")], T0, None);

        Assert.True(completed);
        Assert.Equal(JobStatus.Succeeded, (await Store.GetAsync(job.Id, None))!.Status);
        var notes = await Store.ClaimAsync("note", 10, "me", T0, Lease, None);
        Assert.Equal(["n1"], notes.Select(j => j.Payload));
    }

    [Fact]
    public async Task Reschedule_KeepsTheErrorAndTheDueTime()
    {
        await Store.EnqueueAsync([Engines.Job("k", "a")], T0, None);
        var job = (await Store.ClaimAsync("k", 10, "me", T0, Lease, None)).Single();

        await Store.RescheduleAsync(job.Id, "me", T0.AddSeconds(7), "HTTP 503", T0, None);

        var summary = (await Store.GetAsync(job.Id, None))!;
        Assert.Equal(JobStatus.Pending, summary.Status);
        Assert.Equal(T0.AddSeconds(7), summary.NextAttemptAt);
        Assert.Equal("HTTP 503", summary.LastError);
        Assert.Null(summary.LeaseOwner);
        Assert.Equal(T0.AddSeconds(7), await Store.NextDueAsync("k", None));
    }

    [Fact]
    public async Task DeadLetter_KeepsTheErrorHistory_AndReplayPutsTheJobBack()
    {
        await Store.EnqueueAsync([Engines.Job("k", "a")], T0, None);
        var job = (await Store.ClaimAsync("k", 10, "me", T0, Lease, None)).Single();
        await Store.DeadLetterAsync(job.Id, "me", "template not found", T0, None);
        var whileDead = await Store.ClaimAsync("k", 10, "me", T0.AddHours(1), Lease, None);

        var replayed = await Store.ReplayAsync(job.Id, T0.AddHours(1), None);
        var replayedAgain = await Store.ReplayAsync(job.Id, T0.AddHours(1), None);
        var rerun = await Store.ClaimAsync("k", 10, "me", T0.AddHours(1), Lease, None);

        Assert.Empty(whileDead);
        Assert.True(replayed);
        Assert.False(replayedAgain);
        Assert.Equal(1, Assert.Single(rerun).Attempt);
        var letter = Assert.Single(await Store.ListDeadLettersAsync(job.Id, None));
        Assert.Equal("template not found", letter.Error);
        Assert.Equal(T0.AddHours(1), letter.ReplayedAt);
    }

    [Fact]
    public async Task ReplayAllDead_PutsEveryDeadJobBack()
    {
        await Store.EnqueueAsync([Engines.Job("k", "a"), Engines.Job("k", "b"), Engines.Job("k", "c")], T0, None);
        var jobs = await Store.ClaimAsync("k", 10, "me", T0, Lease, None);
        await Store.DeadLetterAsync(jobs[0].Id, "me", "x", T0, None);
        await Store.DeadLetterAsync(jobs[1].Id, "me", "y", T0, None);
        await Store.CompleteAsync(jobs[2].Id, "me", [], T0, None);

        var count = await Store.ReplayAllDeadAsync(T0, None);

        Assert.Equal(2, count);
        Assert.Equal(new JobCounts(2, 0, 1, 0), await Store.CountAsync(None));
        Assert.Equal(2, (await Store.ListAsync(JobStatus.Pending, 10, None)).Count);
    }

    [Fact]
    public async Task Release_ReturnsJobsToPending_KeepingTheAttemptCounted()
    {
        await Store.EnqueueAsync([Engines.Job("k", "a"), Engines.Job("k", "b")], T0, None);
        var jobs = await Store.ClaimAsync("k", 10, "me", T0, Lease, None);

        await Store.ReleaseAsync([.. jobs.Select(j => j.Id)], "me", T0, None);
        var again = await Store.ClaimAsync("k", 10, "other", T0, Lease, None);

        Assert.Equal([2, 2], again.Select(j => j.Attempt));
    }

    [Fact]
    public async Task ExtendLeases_ReturnsTheJobsNoLongerHeld()
    {
        await Store.EnqueueAsync([Engines.Job("k", "a"), Engines.Job("k", "b")], T0, None);
        var jobs = await Store.ClaimAsync("k", 10, "me", T0, Lease, None);
        var takenOver = (await Store.ClaimAsync("k", 1, "other", T0 + Lease, Lease, None)).Single();

        var lost = await Store.ExtendLeasesAsync([.. jobs.Select(j => j.Id)], "me", T0 + Lease + Lease, None);

        Assert.Equal([takenOver.Id], lost);
        var kept = jobs.Single(j => j.Id != takenOver.Id);
        Assert.Empty(await Store.ClaimAsync("k", 10, "other", T0 + Lease + TimeSpan.FromSeconds(1), Lease, None));
        Assert.Equal("me", (await Store.GetAsync(kept.Id, None))!.LeaseOwner);
    }

    [Fact]
    public async Task NextDue_IsTheEarliestClaimableTime_IgnoringJobsBlockedByTheirKey()
    {
        await Store.EnqueueAsync(
            [Engines.Job("k", "lead:1", notBefore: T0.AddMinutes(10)), Engines.Job("k", "lead:1"), Engines.Job("k", "lead:2", notBefore: T0.AddMinutes(3))],
            T0, None);

        var due = await Store.NextDueAsync("k", None);

        Assert.Equal(T0.AddMinutes(3), due);
        Assert.Null(await Store.NextDueAsync("nothing", None));
    }

    [Fact]
    public async Task List_IsNewestFirst_AndFiltersByStatus()
    {
        await Store.EnqueueAsync([Engines.Job("k", "a", "{\"n\":1}"), Engines.Job("k", "b")], T0, None);
        var first = (await Store.ClaimAsync("k", 1, "me", T0, Lease, None)).Single();
        await Store.CompleteAsync(first.Id, "me", [], T0.AddSeconds(1), None);

        var all = await Store.ListAsync(null, 10, None);
        var succeeded = await Store.ListAsync(JobStatus.Succeeded, 10, None);

        Assert.Equal(["b", "a"], all.Select(j => j.Key));
        var done = Assert.Single(succeeded);
        Assert.Equal("{\"n\":1}", done.Payload);
        Assert.Equal(T0, done.CreatedAt);
        Assert.Equal(T0.AddSeconds(1), done.UpdatedAt);
        Assert.Null(done.NextAttemptAt);
    }
}
