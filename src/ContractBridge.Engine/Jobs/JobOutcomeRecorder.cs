using ContractBridge.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace ContractBridge.Engine.Jobs;

/// <summary>
/// Turns a handler's verdict on one job into the store update: done (with follow-ups), retry later, or dead letter
/// (a transient failure once <see cref="RetryLimit"/> says the job has retried long enough).
/// Follow-ups wake their workers when the completion commits, from the store.
/// </summary>
internal sealed partial class JobOutcomeRecorder(
    IJobStore store,
    JobEngineOptions options,
    RetrySchedule retries,
    TimeProvider time,
    ILogger logger)
{
    private readonly RetryLimit limit = new(store, options);

    public async Task RecordAsync(Job job, JobResult result)
    {
        var now = time.GetUtcNow();
        var owner = options.InstanceId;
        bool held;
        switch (result)
        {
            case JobResult.Succeeded succeeded:
                held = await store.CompleteAsync(job.Id, owner, succeeded.FollowUps, now, CancellationToken.None);
                break;
            case JobResult.Transient transient when await limit.GiveUpReasonAsync(job, transient.Error, now) is { } error:
                held = await store.DeadLetterAsync(job.Id, owner, error, now, CancellationToken.None);
                Log.DeadLettered(logger, job.Id, job.Kind, job.Key, error);
                break;
            case JobResult.Transient transient:
                var delay = retries.DelayAfter(job.Attempt, transient.RetryAfter);
                held = await store.RescheduleAsync(job.Id, owner, now + delay, transient.Error, now, CancellationToken.None);
                Log.Retrying(logger, job.Id, job.Kind, job.Key, job.Attempt, delay, transient.Error);
                break;
            case JobResult.Permanent permanent:
                held = await store.DeadLetterAsync(job.Id, owner, permanent.Error, now, CancellationToken.None);
                Log.DeadLettered(logger, job.Id, job.Kind, job.Key, permanent.Error);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown job result.");
        }

        if (!held)
        {
            Log.LeaseLost(logger, job.Id, job.Kind, owner);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}, {Key}) failed on attempt {Attempt}; retrying in {Delay}: {Error}")]
        public static partial void Retrying(ILogger logger, long jobId, string kind, string key, int attempt, TimeSpan delay, string error);

        [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Job {JobId} ({Kind}, {Key}) moved to dead letters: {Error}")]
        public static partial void DeadLettered(ILogger logger, long jobId, string kind, string key, string error);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) was no longer leased by {Owner}; its outcome was not recorded (another instance took it over)")]
        public static partial void LeaseLost(ILogger logger, long jobId, string kind, string owner);
    }
}
