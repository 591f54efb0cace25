using ContractBridge.Engine.Storage;

namespace ContractBridge.Engine.Jobs;

/// <summary>
/// Decides when a transiently failing job stops retrying: once <see cref="JobEngineOptions.RetryFor"/> has passed since it
/// was stored (or, for a job an operator replayed, since that replay: replaying restarts the clock as it resets the
/// attempts), or at <see cref="JobEngineOptions.MaxAttempts"/> when someone set that extra cap. The replay time is read
/// from the dead letters only when the stored time is already past the limit, which is rare, so the common path costs no query.
/// </summary>
internal sealed class RetryLimit(IJobStore store, JobEngineOptions options)
{
    /// <summary>The dead-letter message when <paramref name="job"/> should give up now, or null to retry it.</summary>
    public async Task<string?> GiveUpReasonAsync(Job job, string error, DateTimeOffset now)
    {
        if (options.MaxAttempts is { } cap && job.Attempt >= cap)
        {
            return $"Gave up after {job.Attempt} attempts: {error}";
        }

        if (now - job.CreatedAt < options.RetryFor)
        {
            return null;
        }

        var since = await RetryingSinceAsync(job);
        var elapsed = now - since;
        return elapsed < options.RetryFor ? null : $"Gave up after {DurationText.Format(elapsed)} ({job.Attempt} attempts): {error}";
    }

    private async Task<DateTimeOffset> RetryingSinceAsync(Job job)
    {
        var letters = await store.ListDeadLettersAsync(job.Id, CancellationToken.None);
        var lastReplay = letters.Select(l => l.ReplayedAt).Where(at => at is not null).Max();
        return lastReplay is { } replayed && replayed > job.CreatedAt ? replayed : job.CreatedAt;
    }
}
