using System.Data.Common;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContractBridge.Engine.Tests;

/// <summary>
/// A real kill -9 in the middle of a burst, then a restart. What must hold:
/// every acknowledged event is stored and its job succeeds after the restart (nothing acknowledged is lost);
/// the restarted process runs each job at most once, and so does the killed one; a job ran twice only if the killed
/// process ran it without recording its completion, so such repeats are at most the jobs it had in flight
/// (MaxBatchSize × MaxConcurrentBatches = 40). That is at-least-once delivery with a bounded, explained overlap,
/// which the handlers' idempotency absorbs.
/// </summary>
public abstract class CrashTests(IStoreProvider provider, ITestOutputHelper output) : StoreTestBase(provider)
{
    private const int InFlightCapacity = 10 * 4;
    private const int Events = 20000;

    [Fact]
    public async Task KillDashNineMidBurst_ThenRestart_CompletesEveryAcknowledgedEventsJob()
    {
        var location = Database.Provider == "sqlite" ? Path.GetDirectoryName(Database.Location)! : Database.Location;
        await Store.DisposeAsync();

        HashSet<string> acknowledged;
        int killedPid;
        using (var burst = CrashHostProcess.Start("burst", location, $"{Events}"))
        {
            await Eventually.TrueAsync(() => burst.Acknowledged.Count >= 500 && burst.Runs >= 100, "the burst to be well under way", TimeSpan.FromMinutes(2), () => $" Its stderr: {burst.Errors}");
            burst.KillNow();
            await burst.WaitForExitAsync(TimeSpan.FromSeconds(30));
            acknowledged = [.. burst.Acknowledged];
            killedPid = burst.Pid;
        }

        using (var restart = CrashHostProcess.Start("drain", location))
        {
            var exit = await restart.WaitForExitAsync(TimeSpan.FromMinutes(3));
            Assert.True(exit == 0 && restart.Drained, $"The restarted host failed (exit {exit}): {restart.Errors}");
        }

        var store = Database.Open();
        var jobs = await QueryAsync("SELECT e.dedupe_key, j.id, j.status FROM jobs j JOIN received_events e ON e.id = j.event_id",
            r => (Key: r.GetString(0), Id: r.GetInt64(1), Status: r.GetString(2)));
        var runs = await QueryAsync("SELECT job_id, pid FROM crash_runs", r => (JobId: r.GetInt64(0), Pid: r.GetInt32(1)));
        var counts = await store.CountAsync(CancellationToken.None);

        Assert.True(acknowledged.Count < Events, "The kill came after the burst ended; it proves nothing.");
        Assert.Subset(jobs.Select(j => j.Key).ToHashSet(), acknowledged);
        Assert.All(jobs, j => Assert.Equal(nameof(JobStatus.Succeeded), j.Status));
        Assert.Equal(new JobCounts(0, 0, jobs.Count, 0), counts);
        var runsPerJob = runs.GroupBy(r => r.JobId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(jobs, j => Assert.True(runsPerJob.ContainsKey(j.Id), $"Job {j.Id} never ran."));
        Assert.All(runsPerJob.Values, r => Assert.True(r.GroupBy(x => x.Pid).All(p => p.Count() == 1), "A process ran one job twice."));
        var repeated = runsPerJob.Values.Count(r => r.Count > 1);
        Assert.All(runsPerJob.Values.Where(r => r.Count > 1), r => Assert.Contains(r, x => x.Pid == killedPid));
        output.WriteLine($"{acknowledged.Count} of {Events} events acknowledged before the kill, {jobs.Count} stored, {runs.Count} runs, {repeated} jobs run twice.");
        Assert.InRange(repeated, 0, InFlightCapacity);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read)
    {
        await using DbConnection connection = Database.Provider == "sqlite"
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database.Location}")
            : new Npgsql.NpgsqlConnection(Database.Location);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
