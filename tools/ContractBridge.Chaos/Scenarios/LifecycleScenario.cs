using System.Diagnostics;
using ContractBridge.Chaos.Checks;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Chaos.Reporting;
using ContractBridge.Chaos.World;
using ContractBridge.Simulators.Common;

namespace ContractBridge.Chaos.Scenarios;

/// <summary>
/// A burst of deals and the contract lifecycle that follows, run by the real service (child processes) against the
/// simulators, with whatever the run asks for: kills, upstream faults, 429 storms, lost and disordered webhooks, OAuth.
/// At the end, once the bridge is quiet, the invariants are read from the simulators.
/// </summary>
public static class LifecycleScenario
{
    public static async Task<ScenarioResult> RunAsync(LifecycleRun run, TextWriter log, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult
        {
            Scenario = run.Name,
            Store = run.PostgresServer is null ? "sqlite" : $"postgresql x{run.Instances}",
            Seed = run.Seed,
            Deals = run.Deals,
        };
        var clock = Stopwatch.StartNew();
        var workDirectory = Path.Combine(run.WorkDirectory, $"{run.Name}-{run.Seed}-{Guid.NewGuid().ToString("N")[..8]}");
        result.WorkDirectory = workDirectory;
        var random = new Random(run.Seed);
        await log.WriteLineAsync($"[{run.Name}] {run.Deals} deals, {run.Kills} kills, {result.Store}, seed {run.Seed}; logs in {workDirectory}");

        await using var world = await ChaosWorld.StartAsync(new WorldOptions
        {
            Seed = run.Seed,
            KommoOAuth = run.KommoOAuth,
            KommoAccessTokenLifetime = run.KommoAccessTokenLifetime,
        }, cancellationToken);
        BridgeFleet? fleet = null;
        IReadOnlyList<DealPlan>? plans = null;
        try
        {
            var tuning = new BridgeTuning { ReconcilerInterval = run.ReconcilerInterval, LogLevel = run.LogLevel, KommoRefreshBefore = run.KommoRefreshBefore };
            fleet = await BridgeFleet.StartAsync(world, tuning, run.Instances, run.PostgresServer, workDirectory, cancellationToken);
            await world.RegisterWebhooksAsync(fleet.PublicUrl, cancellationToken);
            world.Kommo.Control.SetFaults(run.KommoFaults);
            world.Ironclad.Control.SetFaults(run.IroncladFaults);

            plans = DealPlan.For(world.AddDeals(run.Deals), random);
            var current = fleet;
            var driver = new LifecycleDriver(world, plans, random, run.PhaseTimeout, () => current.ExplainAsync(CancellationToken.None));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var killer = new Killer(fleet.Instances, run.Kills, new Random(run.Seed * 31), driver.Progress, driver.FullProgress, log);
            var killing = run.Kills > 0 ? killer.RunAsync(run.PhaseTimeout * 3, stop.Token) : Task.CompletedTask;
            var storms = run.RateLimitStorms ? StormAsync(world, new Random(run.Seed * 17), result, stop.Token) : Task.CompletedTask;
            try
            {
                await driver.RunAsync(stop.Token);
                await killing;
            }
            finally
            {
                await stop.CancelAsync();
                await Quietly(killing);
                await Quietly(storms);
            }

            result.Kills = killer.Done;
            await WaitUntilQuietAsync(world, fleet, run.PhaseTimeout, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            result.Error = $"{ex.GetType().Name}: {ex.Message}";
        }

        try
        {
            result.Duration = clock.Elapsed;
            if (fleet is not null && plans is not null)
            {
                // Checked after a failure too: the violations say which deals the bridge left behind.
                var outcome = InvariantChecker.Check(world, plans, WorldSnapshot.Take(world, [.. plans.Select(p => p.LeadId)], withMoves: true));
                result.Violations.AddRange(outcome.Violations);
                var dead = await fleet.Probe.DeadJobsAsync(cancellationToken);
                result.Violations.AddRange(dead.Select(d => "dead-lettered " + d));
                await AddFiguresAsync(result, world, fleet, outcome.Tally, cancellationToken);
                result.Violations.AddRange(await ScanForSecretsAsync(world, fleet, cancellationToken));
                if (run.KommoOAuth)
                {
                    CheckOAuth(world, result, run);
                }
            }
        }
        finally
        {
            if (fleet is not null)
            {
                await fleet.DisposeAsync();
            }

            result.Duration = clock.Elapsed;
            await log.WriteLineAsync($"[{run.Name}] {(result.Passed ? "passed" : "FAILED")} in {result.Duration.TotalSeconds:0.0} s: {result.Violations.Count} violations{(result.Error is null ? string.Empty : ", error: " + result.Error)}");
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

    /// <summary>Quiet: no webhook left to deliver, no job pending or running, twice in a row.</summary>
    public static async Task WaitUntilQuietAsync(ChaosWorld world, BridgeFleet fleet, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var calm = 0;
        await Until.TrueAsync(
            async () =>
            {
                var quiet = world.Kommo.Control.PendingWebhooks == 0 && world.Ironclad.Control.PendingWebhooks == 0 && await fleet.Probe.IsQuietAsync(cancellationToken);
                calm = quiet ? calm + 1 : 0;
                return calm >= 3;
            },
            "the bridge to go quiet (no webhook in flight, no job pending or running)",
            timeout,
            cancellationToken,
            () => fleet.ExplainAsync(CancellationToken.None),
            pollMilliseconds: 300);
    }

    /// <summary>429 storms: every few seconds one simulator refuses every call for 1–3 s.</summary>
    private static async Task StormAsync(ChaosWorld world, Random random, ScenarioResult result, CancellationToken cancellationToken)
    {
        var storms = 0L;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(random.Next(3_000, 9_000), cancellationToken);
                var until = DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(random.Next(1_000, 3_000));
                if (random.Next(2) == 0)
                {
                    world.Kommo.Control.SetFaults(world.Kommo.Control.Faults with { RateLimitStormUntil = until });
                }
                else
                {
                    world.Ironclad.Control.SetFaults(world.Ironclad.Control.Faults with { RateLimitStormUntil = until });
                }

                storms++;
            }
        }
        finally
        {
            result.Figures["429 storms"] = storms;
        }
    }

    private static async Task AddFiguresAsync(ScenarioResult result, ChaosWorld world, BridgeFleet fleet, CheckTally tally, CancellationToken cancellationToken)
    {
        SimulatorFigures.AddTo(result, world);
        result.Figures["workflows"] = tally.Workflows;
        result.Figures["lost"] = tally.Lost;
        result.Figures["duplicated"] = tally.Duplicated;
        result.Figures["notes"] = tally.Notes;
        result.Figures["tasks"] = tally.Tasks;
        result.Figures["deals closed-won"] = tally.Closed;
        result.Figures["pdfs attached"] = tally.PdfsAttached;
        result.Figures["pdf fallback notes"] = tally.PdfFallbacks;
        result.Figures["restarts"] = fleet.Instances.Sum(i => i.Starts - 1);
        result.Figures["balancer failovers"] = fleet.BalancerFailovers;
        result.Figures["events stored"] = await fleet.Probe.EventsAsync(cancellationToken);
        var jobs = await fleet.Probe.JobsAsync(cancellationToken);
        result.Figures["jobs succeeded"] = jobs.Succeeded;
        result.Figures["jobs dead"] = jobs.Dead;
    }

    /// <summary>No configured secret, and no token the bridge stored, in anything the bridge's processes wrote.</summary>
    public static async Task<IReadOnlyList<string>> ScanForSecretsAsync(ChaosWorld world, BridgeFleet fleet, CancellationToken cancellationToken)
    {
        var scanner = new SecretScanner(world.Secrets.All.Concat(await fleet.StoredTokensAsync(cancellationToken)));
        var hits = new List<string>();
        foreach (var file in fleet.LogFiles)
        {
            hits.AddRange(await scanner.ScanFileAsync(file, cancellationToken));
        }

        return [.. hits.Distinct().Take(50)];
    }

    /// <summary>Single-use refresh tokens: a second use of one (two refreshes racing) revokes the integration.</summary>
    private static void CheckOAuth(ChaosWorld world, ScenarioResult result, LifecycleRun run)
    {
        var oauth = world.Kommo.Control.OAuth;
        result.Figures["kommo oauth revoked reuses"] = oauth.RevokedRefreshReuses;
        if (oauth.Refreshes == 0)
        {
            result.Violations.Add("the bridge never refreshed its Kommo access token");
        }

        // One refresh per token lifetime (less the early margin) for the whole fleet; one per instance would be double.
        var cycle = run.KommoAccessTokenLifetime - run.KommoRefreshBefore;
        var most = (long)Math.Ceiling(result.Duration.TotalSeconds / cycle.TotalSeconds) + 1;
        if (oauth.Refreshes > most)
        {
            result.Violations.Add($"{oauth.Refreshes} refreshes in {result.Duration.TotalSeconds:0} s: more than one per {cycle.TotalSeconds:0} s token cycle ({most})");
        }

        if (oauth.RejectedRefreshes > 0 || oauth.RevokedRefreshReuses > 0)
        {
            result.Violations.Add($"Kommo refused {oauth.RejectedRefreshes} refreshes ({oauth.RevokedRefreshReuses} reused a spent refresh token)");
        }
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

    /// <summary>The faults of issue 8, item 2: 20% 5xx, connection resets, 2 s latency spikes, lost answers after commit.</summary>
    public static FaultProfile UpstreamFaults => new()
    {
        ServerErrorRate = 0.2,
        ConnectionResetRate = 0.05,
        LostResponseRate = 0.1,
        SpikeRate = 0.05,
        SpikeLatency = TimeSpan.FromSeconds(2),
    };
}
