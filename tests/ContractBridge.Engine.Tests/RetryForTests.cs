using System.Text.RegularExpressions;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Engine.Tests;

/// <summary>Transient failures are retried for a time (<see cref="JobEngineOptions.RetryFor"/>), not for a count.</summary>
public abstract class RetryForTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task TransientFailures_AreRetriedPastTenAttempts_UntilRetryForElapses_ThenDeadLetteredWithTheDuration()
    {
        var time = new FakeTimeProvider(T0);
        var job = await EnqueueOneAsync();
        var options = OneHourOfRetries();
        await using var engine = await Engines.StartAsync(Store, [AlwaysUnavailable()], options, time);

        var dead = await RetryUntilDeadAsync(job, time);

        var message = Regex.Match(dead.LastError!, @"^Gave up after (1 h( \d+ min)?) \((\d+) attempts\): HTTP 503$");
        Assert.True(message.Success, dead.LastError);
        Assert.Equal(dead.Attempts, int.Parse(message.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(dead.Attempts > 10, $"only {dead.Attempts} attempts");
        Assert.InRange(dead.UpdatedAt, T0 + options.RetryFor, T0 + options.RetryFor + options.BackoffMax);
    }

    [Fact]
    public async Task ReplayedJob_RetriesForAFreshRetryFor_NotTheRestOfItsFirst()
    {
        var time = new FakeTimeProvider(T0);
        var job = await EnqueueOneAsync();
        await using var engine = await Engines.StartAsync(Store, [AlwaysUnavailable()], OneHourOfRetries(), time);
        await RetryUntilDeadAsync(job, time);

        Assert.True(await Store.ReplayAsync(job, time.GetUtcNow(), None));
        var afterReplay = await SettledAfterAttemptAsync(job, 1, time);

        Assert.Equal(JobStatus.Pending, afterReplay.Status);
    }

    [Fact]
    public async Task MaxAttempts_WhenSet_StillCapsRetriesWithinRetryFor()
    {
        var time = new FakeTimeProvider(T0);
        var job = await EnqueueOneAsync();
        var options = OneHourOfRetries();
        options.MaxAttempts = 4;
        await using var engine = await Engines.StartAsync(Store, [AlwaysUnavailable()], options, time);

        var dead = await RetryUntilDeadAsync(job, time);

        Assert.Equal((4, "Gave up after 4 attempts: HTTP 503"), (dead.Attempts, dead.LastError));
    }

    [Fact]
    public async Task PendingJobs_AreCountedByTheBeginningOfTheirLastError_WildcardsTakenLiterally()
    {
        var time = new FakeTimeProvider(T0);
        var job = await EnqueueOneAsync();
        await using var engine = await Engines.StartAsync(Store, [AlwaysUnavailable()], OneHourOfRetries(), time);
        await SettledAfterAttemptAsync(job, 1, time);

        Assert.Equal(
            (1L, 1L, 0L, 0L),
            (await Store.CountPendingFailingWithAsync("HTTP", None), await Store.CountPendingFailingWithAsync("HTTP 503", None),
             await Store.CountPendingFailingWithAsync("HTTP_", None), await Store.CountPendingFailingWithAsync("%", None)));
    }

    private static JobEngineOptions OneHourOfRetries() => Engines.Options("retry-for", o =>
    {
        o.RetryFor = TimeSpan.FromHours(1);
        o.MaxAttempts = null;
        o.BackoffBase = TimeSpan.FromSeconds(1);
        o.BackoffMax = TimeSpan.FromMinutes(2);
    });

    private static DelegateHandler AlwaysUnavailable() => DelegateHandler.EachJob("k", _ => new JobResult.Transient("HTTP 503"));

    /// <summary>Moves the clock to each retry as it falls due, until the job is dead.</summary>
    private async Task<JobSummary> RetryUntilDeadAsync(long job, FakeTimeProvider time)
    {
        for (var attempt = 1; ; attempt++)
        {
            var summary = await SettledAfterAttemptAsync(job, attempt, time);
            if (summary.Status == JobStatus.Dead)
            {
                return summary;
            }

            time.Advance(summary.NextAttemptAt!.Value - time.GetUtcNow());
        }
    }

    /// <summary>
    /// Waits for attempt <paramref name="attempt"/> to be recorded, nudging the clock a little on each look: a worker that
    /// read the time just before the last jump sleeps on a timer that only a further advance fires.
    /// </summary>
    private async Task<JobSummary> SettledAfterAttemptAsync(long jobId, int attempt, FakeTimeProvider time)
    {
        JobSummary? summary = null;
        await Eventually.TrueAsync(async () =>
        {
            summary = await Store.GetAsync(jobId, None);
            if (summary is { Status: JobStatus.Pending or JobStatus.Dead } && summary.Attempts == attempt)
            {
                return true;
            }

            time.Advance(TimeSpan.FromMilliseconds(100));
            return false;
        }, $"attempt {attempt} to fail and the job to wait for its retry or be dead-lettered");
        return summary!;
    }

    private async Task<long> EnqueueOneAsync()
    {
        await Store.EnqueueAsync([Engines.Job("k", "lead:1")], T0, None);
        return (await Store.ListAsync(null, 1, None))[0].Id;
    }
}
