using System.Collections.Concurrent;
using ContractBridge.Engine.Jobs;

namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>Records every run a handler makes, and counts runs of one key that overlapped in time.</summary>
public sealed class RunLog
{
    private readonly ConcurrentDictionary<string, int> running = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JobRun> runs = new();
    private int overlaps;

    public int Overlaps => Volatile.Read(ref overlaps);

    public int Count => runs.Count;

    public IReadOnlyList<JobRun> Runs => [.. runs];

    /// <summary>Marks the start of a run; dispose the result when the work is done and before reporting the outcome.</summary>
    public IDisposable Enter(Job job, string instance = "")
    {
        if (running.AddOrUpdate(job.Key, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref overlaps);
        }

        runs.Enqueue(new JobRun(job.Id, job.Key, job.Payload, job.Attempt, instance));
        return new Exit(() => running.AddOrUpdate(job.Key, 0, (_, n) => n - 1));
    }

    private sealed class Exit(Action leave) : IDisposable
    {
        public void Dispose() => leave();
    }
}
