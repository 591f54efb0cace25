using System.Diagnostics;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests;

/// <summary>
/// A real kill -9 of an instance in the middle of a batch held under a 60 s lease: another instance, already running
/// with the default settings, takes the jobs over and finishes them within 5 s, because the dead instance stopped beating.
/// </summary>
public abstract class TakeoverCrashTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private const string Kind = "crash.hold"; // the CrashHost's holding handler
    private const int Jobs = 5;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task KillDashNineMidBatch_UnderALongLease_AnotherInstanceTakesItsJobsOverWithinFiveSeconds()
    {
        var location = Database.Provider == "sqlite" ? Path.GetDirectoryName(Database.Location)! : Database.Location;
        await Store.EnqueueAsync([.. Enumerable.Range(0, Jobs).Select(i => Engines.Job(Kind, $"lead:{i}"))], DateTimeOffset.UtcNow, None);
        var log = new RunLog();
        int killedPid;
        TimeSpan tookOver;
        using (var holder = CrashHostProcess.Start("hold", location))
        {
            await Eventually.TrueAsync(() => holder.Runs == Jobs, "the holding instance to be running every job", TimeSpan.FromMinutes(2), () => $" Its stderr: {holder.Errors}");
            killedPid = holder.Pid;
            // The survivor runs with the defaults that matter here (beats, instance timeout, a 2 s poll); only the lease is long.
            await using var survivor = await Engines.StartAsync(Database.Open(), [DelegateHandler.EachJob(Kind, j => { log.Enter(j, "survivor").Dispose(); return JobResult.Done; })],
                Engines.Options("survivor", o => (o.LeaseDuration, o.PollInterval) = (Lease, TimeSpan.FromSeconds(2))));
            Assert.All(await Store.ListAsync(JobStatus.Running, Jobs, None), j => Assert.NotEqual("survivor", j.LeaseOwner));

            holder.KillNow();
            var sinceKill = Stopwatch.StartNew();
            await holder.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await Eventually.TrueAsync(async () => (await Store.CountAsync(None)).Succeeded == Jobs, "the survivor to finish the killed instance's jobs", TimeSpan.FromSeconds(30));
            tookOver = sinceKill.Elapsed;
        }

        var crashRuns = await Database.TextsAsync("SELECT CAST(pid AS text) FROM crash_runs;");
        Assert.True(tookOver < TimeSpan.FromSeconds(5), $"The jobs were taken over {tookOver} after the kill; the lease was {Lease}.");
        Assert.Equal(Enumerable.Repeat($"{killedPid}", Jobs), crashRuns);
        Assert.Equal(Jobs, log.Runs.Select(r => r.JobId).Distinct().Count());
        Assert.All(log.Runs, r => Assert.Equal(2, r.Attempt));
    }
}
