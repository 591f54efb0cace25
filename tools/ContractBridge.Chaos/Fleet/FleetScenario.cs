using System.Diagnostics;
using ContractBridge.Chaos.Checks;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Chaos.Reporting;
using ContractBridge.Chaos.Scenarios;
using ContractBridge.Chaos.World;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Chaos.Fleet;

/// <summary>
/// Issue 15's fleet run: three instances of the real service on one PostgreSQL database behind the balancer, each
/// configured with the published limits, through the whole lifecycle while any of them is killed with SIGKILL (and
/// restarted), the simulators answer 429 storms and jitter every call's arrival, each upstream fails everything for a
/// (scaled) hour, and one deal is deleted in Kommo just before its signature note and task are written with the
/// others'. The invariants are read from the simulators (see <see cref="FleetChecks"/>).
/// </summary>
public static class FleetScenario
{
    public static async Task<ScenarioResult> RunAsync(FleetRun run, TextWriter log, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult { Scenario = "fleet", Store = $"postgresql x{run.Instances}", Seed = run.Seed, Deals = run.Deals };
        var clock = Stopwatch.StartNew();
        var workDirectory = Path.Combine(run.WorkDirectory, $"fleet-{run.Seed}-{Guid.NewGuid().ToString("N")[..8]}");
        result.WorkDirectory = workDirectory;
        var random = new Random(run.Seed);
        await log.WriteLineAsync($"[fleet] {run.Deals} deals, {run.Kills} kills, {run.Instances} instances on PostgreSQL, outages of {run.Outage.TotalSeconds:0.#} s, seed {run.Seed}; logs in {workDirectory}");

        await using var world = await ChaosWorld.StartAsync(new WorldOptions { Seed = run.Seed }, cancellationToken);
        BridgeFleet? fleet = null;
        IReadOnlyList<DealPlan>? plans = null;
        long badLead = 0;
        FaultConductor? faults = null;
        ResumeWatch? resumes = null;
        try
        {
            fleet = await BridgeFleet.StartAsync(world, Tuning(run), run.Instances, run.PostgresServer, workDirectory, cancellationToken);
            await world.RegisterWebhooksAsync(fleet.PublicUrl, cancellationToken);
            faults = new FaultConductor(world, new FaultProfile { ArrivalJitter = run.ArrivalJitter }, log);
            faults.Apply();

            badLead = world.AddDeals(1, "Bad deal")[0];
            plans = DealPlan.For(world.AddDeals(run.Deals), random);
            var current = fleet;
            var driver = new LifecycleDriver(world, plans, random, run.PhaseTimeout, () => current.ExplainAsync(CancellationToken.None));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            resumes = new ResumeWatch(fleet.Probe, world, () => faults.AnyOutage, stop.Token);
            var killer = new Killer(fleet.Instances, run.Kills, new Random(run.Seed * 31), driver.Progress, driver.FullProgress, log, resumes.Killed);
            var killing = run.Kills > 0 ? killer.RunAsync(run.PhaseTimeout * 3, stop.Token) : Task.CompletedTask;
            var storms = faults.StormsAsync(new Random(run.Seed * 17), stop.Token);
            var outages = faults.OutagesAsync(driver.Progress, driver.FullProgress, run.Outage, run.PhaseTimeout * 3, stop.Token);
            try
            {
                world.Kommo.Control.MoveLeads(new() { LeadIds = [badLead], StatusId = world.SendContract });
                await driver.BurstAsync(stop.Token);
                await SpoilBadDealAsync(world, badLead, run.PhaseTimeout, stop.Token);
                await driver.SignaturePhaseAsync(stop.Token);
                await driver.ClosingPhaseAsync(stop.Token);
                await killing;
                await outages;
            }
            finally
            {
                await stop.CancelAsync();
                await Quietly(killing);
                await Quietly(storms);
                await Quietly(outages);
            }

            result.Kills = killer.Done;
            faults.Apply();
            await LifecycleScenario.WaitUntilQuietAsync(world, fleet, run.PhaseTimeout, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            result.Error = $"{ex.GetType().Name}: {ex.Message}";
        }

        try
        {
            result.Duration = clock.Elapsed;
            if (fleet is not null && plans is not null && faults is not null && resumes is not null)
            {
                await FleetChecks.CheckAsync(result, world, fleet, plans, badLead, await resumes.ResultsAsync(), cancellationToken);
                result.Figures["429 storms"] = faults.Storms;
                result.Figures["outages"] = faults.Outages;
                result.Figures["restarts"] = fleet.Instances.Sum(i => i.Starts - 1);
                result.Figures["balancer failovers"] = fleet.BalancerFailovers;
                result.Violations.AddRange(await LifecycleScenario.ScanForSecretsAsync(world, fleet, cancellationToken));
            }
        }
        finally
        {
            if (fleet is not null)
            {
                await fleet.DisposeAsync();
            }

            result.Duration = clock.Elapsed;
            await log.WriteLineAsync($"[fleet] {(result.Passed ? "passed" : "FAILED")} in {result.Duration.TotalSeconds:0.0} s: {result.Violations.Count} violations{(result.Error is null ? string.Empty : ", error: " + result.Error)}");
            foreach (var violation in result.Violations.Take(20))
            {
                await log.WriteLineAsync("  " + violation);
            }

            if (result.Passed)
            {
                TryDelete(workDirectory);
            }
        }

        return result;
    }

    /// <summary>
    /// The shipped retry and takeover settings (retries bound by time alone; the 30 s lease, so only the heartbeats can
    /// explain a fast takeover), the published limits on every instance, and a breaker scaled to the simulators' clock.
    /// </summary>
    private static BridgeTuning Tuning(FleetRun run) => new()
    {
        LogLevel = run.LogLevel,
        LeaseDuration = TimeSpan.FromSeconds(30),
        Extra = new Dictionary<string, string?>
        {
            ["ContractBridge:Jobs:MaxAttempts"] = null,
            ["ContractBridge:Circuit:SamplingDuration"] = "00:00:02",
            ["ContractBridge:Circuit:BreakDuration"] = "00:00:01",
            ["ContractBridge:Circuit:BlockedBreakDuration"] = "00:00:15",
        },
    };

    /// <summary>
    /// Once the bad deal's contract is launched, a rep deletes the deal in Kommo and legal sends the contract for
    /// signature, just before the others: its signature note and task go to Kommo in a batch with theirs, and Kommo
    /// refuses those two items (the lead is gone) while it accepts the rest.
    /// </summary>
    private static async Task SpoilBadDealAsync(ChaosWorld world, long badLead, TimeSpan timeout, CancellationToken cancellationToken)
    {
        WorkflowSnapshot? workflow = null;
        await Until.TrueAsync(
            () => (workflow = world.Ironclad.Control.Workflows().FirstOrDefault(w => WorldSnapshot.LeadOf(w) == badLead)) is not null,
            "the bad deal's workflow",
            timeout,
            cancellationToken);
        world.Kommo.Control.DeleteLead(badLead);
        world.Ironclad.Control.AdvanceTo(workflow!.Id, WorkflowStage.Sign);
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
