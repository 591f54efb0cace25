using System.Diagnostics;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Chaos.World;
using ContractBridge.Engine.Jobs;

namespace ContractBridge.Chaos.Fleet;

/// <summary>
/// Times how soon work resumes after each <c>kill -9</c>. The victim's running jobs still carry its lease (the service
/// names its engine machine:pid:suffix); they count as taken over once none of them is running under that owner any
/// more (another instance claimed it after the victim's missed heartbeats, or it finished). When the victim held no
/// job, the first sign of life after the kill counts instead: an upstream call (the simulators' counters) or a job
/// completion, while work is pending. Read from the shared database and the simulators, from outside the fleet.
/// </summary>
public sealed class ResumeWatch(StoreProbe probe, ChaosWorld world, Func<bool> outage, CancellationToken cancellationToken)
{
    /// <summary>Issue 15: work resumes within 5 s of a kill -9, not after the lease.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly List<Task<KillResume>> _watches = [];

    /// <summary>Starts timing a kill that has just happened (the Killer's callback).</summary>
    public void Killed(BridgeProcess victim, int processId)
    {
        var watch = MeasureAsync(victim.Name, processId, Stopwatch.StartNew());
        lock (_lock)
        {
            _watches.Add(watch);
        }
    }

    public async Task<IReadOnlyList<KillResume>> ResultsAsync()
    {
        Task<KillResume>[] watches;
        lock (_lock)
        {
            watches = [.. _watches];
        }

        return await Task.WhenAll(watches);
    }

    private async Task<KillResume> MeasureAsync(string victim, int processId, Stopwatch sinceKill)
    {
        var owner = $":{processId}:";
        bool HeldByVictim(JobSummary job) => job.Status == JobStatus.Running && job.LeaseOwner?.Contains(owner, StringComparison.Ordinal) == true;
        var held = (await probe.Store.ListAsync(JobStatus.Running, 1_000, cancellationToken)).Where(HeldByVictim).Select(j => j.Id).ToHashSet();
        if (held.Count > 0)
        {
            while (sinceKill.Elapsed < GiveUpAfter)
            {
                var running = await probe.Store.ListAsync(JobStatus.Running, 1_000, cancellationToken);
                if (!running.Any(j => held.Contains(j.Id) && HeldByVictim(j)))
                {
                    return new KillResume(victim, held.Count, sinceKill.Elapsed, "its running jobs taken over");
                }

                await Task.Delay(50, cancellationToken);
            }

            return new KillResume(victim, held.Count, sinceKill.Elapsed, "its running jobs still held when the watch gave up");
        }

        var before = await ActivityAsync();
        if (await probe.JobsAsync(cancellationToken) is { Pending: 0, Running: 0 } || outage())
        {
            return new KillResume(victim, 0, null, outage() ? "during an outage: not measured" : "nothing pending");
        }

        while (sinceKill.Elapsed < GiveUpAfter)
        {
            if (await ActivityAsync() > before)
            {
                return new KillResume(victim, 0, sinceKill.Elapsed, "next upstream call or job completion");
            }

            if (outage())
            {
                return new KillResume(victim, 0, null, "an outage began: not measured");
            }

            await Task.Delay(50, cancellationToken);
        }

        return new KillResume(victim, 0, sinceKill.Elapsed, "no upstream call nor job completion when the watch gave up");
    }

    private async Task<long> ActivityAsync() =>
        world.Kommo.Control.Calls.Total + world.Ironclad.Control.Calls().Total + (await probe.JobsAsync(cancellationToken)).Succeeded;
}
