using System.Diagnostics;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Engine.Jobs;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operations.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ContractBridge.Tests.Operations;

/// <summary>
/// Two bridges on one PostgreSQL database (CONTRACTBRIDGE_TEST_POSTGRES), as a fleet: when one is stopped (what SIGTERM
/// does) with jobs it cannot finish within Jobs:ShutdownTimeout, it gives them back, and the other runs them at its next
/// poll rather than once their leases expire.
/// </summary>
public sealed class FleetHandoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task AStoppingInstance_ReleasesItsUnfinishedJobs_AndAnotherRunsThemAtOnce_NotWhenTheLeasesExpire()
    {
        await using var database = await PostgresDatabase.CreateAsync(PostgresDatabase.ResolveServer(null), CancellationToken.None);
        var holding = new ProbeJobHandler(finish: false);
        var taking = new ProbeJobHandler(finish: true);
        await using var stopping = await StartAsync(database, "stopping", holding);
        var jobs = Enumerable.Range(1, 3).Select(i => new NewJob(ProbeJobHandler.JobKind, $"probe:{i}", "{}")).ToList();
        await stopping.Store.EnqueueAsync(jobs, DateTimeOffset.UtcNow, CancellationToken.None);
        await Eventually.TrueAsync(() => holding.Started.Count == jobs.Count, "the first instance running every job");
        await using var staying = await StartAsync(database, "staying", taking);

        var clock = Stopwatch.StartNew();
        await stopping.App.StopAsync();
        var stopped = clock.Elapsed;
        await Eventually.TrueAsync(() => taking.Finished.Count == jobs.Count, "the other instance running the released jobs", explain: staying.Explain);
        var handedOver = clock.Elapsed;

        output.WriteLine($"Stopped in {stopped.TotalMilliseconds:F0} ms; the other instance had finished every job {handedOver.TotalMilliseconds:F0} ms after the stop began (leases: {Lease}).");
        Assert.True(handedOver < Lease / 10, $"The jobs were taken over after {handedOver}, for leases of {Lease}.");
        Assert.Equal(holding.Started.Order(), taking.Finished.Order());
        Assert.Empty(holding.Finished);
        foreach (var id in taking.Finished)
        {
            var job = (await staying.Store.GetAsync(id, CancellationToken.None))!;
            Assert.Equal((JobStatus.Succeeded, 2), (job.Status, job.Attempts));
        }
    }

    private static Task<BridgeHarness> StartAsync(PostgresDatabase database, string instance, ProbeJobHandler handler) =>
        BridgeHarness.StartAsync(
            registerWebhooks: false,
            configuration: _ => new Dictionary<string, string?>
            {
                ["ContractBridge:Postgres"] = database.ConnectionString,
                ["ContractBridge:Secrets:MasterKey"] = BridgeHarness.MasterKey,
                ["ContractBridge:Jobs:InstanceId"] = instance,
                ["ContractBridge:Jobs:LeaseDuration"] = Lease.ToString(),
                ["ContractBridge:Jobs:ShutdownTimeout"] = "00:00:00.200",
            },
            services: s => s.AddSingleton<IJobHandler>(handler));
}
