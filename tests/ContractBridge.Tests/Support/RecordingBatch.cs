using ContractBridge.Engine.Jobs;

namespace ContractBridge.Tests.Support;

/// <summary>A batch for calling a handler directly: it records every outcome reported, in order.</summary>
internal sealed class RecordingBatch(params Job[] jobs) : JobBatch
{
    private readonly Lock _gate = new();
    private readonly List<(Job Job, JobResult Result)> _reported = [];

    public override IReadOnlyList<Job> Jobs { get; } = jobs;

    public IReadOnlyList<JobResult> Results
    {
        get
        {
            lock (_gate)
            {
                return [.. _reported.Select(r => r.Result)];
            }
        }
    }

    /// <summary>The outcome the engine would keep for the job: the first one reported (a second report is ignored).</summary>
    public JobResult ResultOf(Job job)
    {
        lock (_gate)
        {
            var reported = _reported.Where(r => r.Job.Id == job.Id).ToList();
            Assert.True(reported.Count > 0, $"job {job.Id} was never reported");
            return reported[0].Result;
        }
    }

    public override Task CompleteAsync(Job job, JobResult result, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _reported.Add((job, result));
        }

        return Task.CompletedTask;
    }
}
