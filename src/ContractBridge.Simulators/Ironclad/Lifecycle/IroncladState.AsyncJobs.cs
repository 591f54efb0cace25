using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>Async launch jobs (<c>POST /workflows/async</c>): kept here, run by <see cref="WorkflowLauncher"/>.</summary>
public sealed partial class IroncladState
{
    private readonly Dictionary<string, AsyncLaunchJob> _jobs = new(StringComparer.Ordinal);

    /// <summary>Cancelled when the simulator stops, so timers (async launches, auto-advance) end with it.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public AsyncLaunchJob AddAsyncJob(JsonObject requestPayload, IroncladCaller caller, bool useDefaultValues)
    {
        var job = new AsyncLaunchJob
        {
            Id = "jobId" + RandomNumberGenerator.GetHexString(32, lowercase: true),
            RequestPayload = requestPayload,
            Caller = caller,
            UseDefaultValues = useDefaultValues,
            DueAt = _clock.UtcNow + _clock.Scaled(_options.AsyncLaunchDelay),
        };
        lock (_gate)
        {
            _jobs[job.Id] = job;
        }

        return job;
    }

    /// <summary>Claims a job that is due and not yet run; false when it is not due, already claimed or unknown.</summary>
    public bool TryClaimAsyncJob(string jobId, out AsyncLaunchJob job)
    {
        lock (_gate)
        {
            if (_jobs.TryGetValue(jobId, out job!) && !job.Claimed && _clock.UtcNow >= job.DueAt)
            {
                job.Claimed = true;
                return true;
            }

            return false;
        }
    }

    public void FinishAsyncJob(AsyncLaunchJob job, JsonObject? launchedWorkflow, IroncladError? error)
    {
        lock (_gate)
        {
            job.LaunchedWorkflow = launchedWorkflow;
            job.Error = error;
            job.Finished = true;
        }

        job.Completion.TrySetResult();
    }

    /// <summary>Runs <paramref name="read"/> on a job under the lock; null when unknown.</summary>
    public T? ReadAsyncJob<T>(string jobId, Func<AsyncLaunchJob, T> read)
        where T : class
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(jobId, out var job) ? read(job) : null;
        }
    }
}
