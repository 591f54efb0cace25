using System.Diagnostics;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Bench.EndToEnd;

/// <summary>
/// The burst: N seeded deals are dragged to "Send contract" within one second, several per webhook body as Kommo sends
/// them when many move together. Timed from the first move until the last launch note is in Kommo. With the lifecycle, every
/// contract is then sent for signature, signed and completed in Ironclad, and the deals are watched until they show it
/// (a note and a task; Closed-Won, a note and the signed PDF).
/// </summary>
internal static class BurstScenario
{
    public static async Task<BurstResult> RunAsync(E2eSettings settings, int deals, double scale, bool lifecycle, BenchDeployment? deployment = null)
    {
        deployment ??= BenchDeployment.Sqlite;
        await using var world = await BenchWorld.StartAsync(settings, scale, deployment: deployment);
        var leads = world.SeedDeals(deals);
        var bound = deals / world.LaunchesPerSecond;
        var timeout = TimeSpan.FromSeconds((bound * 3) + 60);
        var firstDeal = await WarmUpAsync(world, timeout);
        var before = world.Kommo.Control.Summary;
        var ours = leads.ToHashSet();

        var clock = Stopwatch.StartNew();
        var startedAt = DateTimeOffset.UtcNow;
        var bodies = await MoveWithinOneSecondAsync(world, leads, settings.LeadsPerBody);
        var launched = await BenchWorld.WaitUntilAsync(clock, () => Launches(world) >= deals, timeout, $"{deals} launches", () => Explain(world));
        var noted = await BenchWorld.WaitUntilAsync(clock, () => world.Kommo.Control.Summary.Notes - before.Notes >= deals, timeout, $"{deals} launch notes", () => Explain(world));
        var launchCalls = Calls(world, deals);
        var (peak, peakMemory, cpu) = world.Memory();

        var workflows = Workflows(world, ours);
        var launchedLeads = workflows.Select(w => w.Attributes["kommoLeadId"]?.ToString()).Distinct().Count();
        var launchNotes = world.Kommo.Control.GetNotes().Where(n => ours.Contains(n.EntityId) && n.Text?.Contains(") launched for this deal.", StringComparison.Ordinal) == true)
            .GroupBy(n => n.EntityId).Count(g => g.Count() == 1);
        var elapsed = Math.Max(launched.TotalSeconds, noted.TotalSeconds);
        var created = workflows.Select(w => (w.Created - startedAt).TotalSeconds).Order().ToArray();
        var result = new BurstResult(
            deployment.Name, deals, scale, bodies, bound, created.FirstOrDefault(), created.LastOrDefault(), launched.TotalSeconds, noted.TotalSeconds, elapsed / bound,
            launchCalls.KommoTooManyRequests, launchCalls.IroncladTooManyRequests, workflows.Count, launchedLeads, launchNotes,
            workflows.Count == deals && launchedLeads == deals && launchNotes == deals,
            peak, peakMemory, cpu, launchCalls, null, deals == 1 ? CallChain.Since(startedAt, world) : [], firstDeal);
        return lifecycle ? result with { Lifecycle = await RunLifecycleAsync(world, leads, before, timeout) } : result;
    }

    /// <summary>
    /// Takes one deal of its own through its whole life (launch, signature, signed, complete) before anything is
    /// measured, then clears the simulators' call counts: a service that has been running is the one a rep moves a deal
    /// in, with its code compiled and its connections open. Returns the first deal's move-to-note time, a cold start's.
    /// </summary>
    private static async Task<double> WarmUpAsync(BenchWorld world, TimeSpan timeout)
    {
        var lead = world.SeedDeals(1, "Warm-up")[0];
        var clock = Stopwatch.StartNew();
        world.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [lead], StatusId = world.SendContract });
        var noted = await BenchWorld.WaitUntilAsync(clock, () => world.Kommo.Control.Summary.Notes >= 1, timeout, "the warm-up deal's launch note", () => Explain(world));
        var workflow = world.Ironclad.Control.Workflows().Single().Id;
        world.Ironclad.Control.AdvanceTo(workflow, WorkflowStage.Sign);
        await BenchWorld.WaitUntilAsync(clock, () => world.Kommo.Control.Summary.Tasks >= 1, timeout, "the warm-up deal's signature task", () => Explain(world));
        world.Ironclad.Control.AdvanceTo(workflow, WorkflowStage.Signed);
        await BenchWorld.WaitUntilAsync(clock, () => world.Kommo.Control.Summary.Files >= 1, timeout, "the warm-up deal's signed PDF", () => Explain(world));
        world.Ironclad.Control.AdvanceTo(workflow, WorkflowStage.Complete);
        await WaitUntilQuietAsync(world, clock, timeout);
        world.Kommo.Control.ResetCalls();
        world.Ironclad.Control.ResetCalls();
        return noted.TotalSeconds;
    }

    private static List<WorkflowSnapshot> Workflows(BenchWorld world, HashSet<long> leads) =>
        [.. world.Ironclad.Control.Workflows().Where(w => long.TryParse(w.Attributes["kommoLeadId"]?.ToString(), out var lead) && leads.Contains(lead))];

    /// <summary>Moves the leads in bodies of <paramref name="perBody"/>, spread evenly over one second. Returns the number of bodies.</summary>
    private static async Task<int> MoveWithinOneSecondAsync(BenchWorld world, long[] leads, int perBody)
    {
        var chunks = leads.Chunk(Math.Max(1, perBody)).ToArray();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < chunks.Length; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)chunks.Length);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            world.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = chunks[i], StatusId = world.SendContract });
        }

        return chunks.Length;
    }

    private static async Task<LifecycleResult> RunLifecycleAsync(BenchWorld world, long[] leads, KommoStateSummary before, TimeSpan timeout)
    {
        var deals = leads.Length;
        var ids = Workflows(world, [.. leads]).Select(w => w.Id).ToList();

        var clock = Stopwatch.StartNew();
        ids.ForEach(id => world.Ironclad.Control.AdvanceTo(id, WorkflowStage.Sign));
        await BenchWorld.WaitUntilAsync(clock, () => world.Kommo.Control.Summary is { Tasks: var t, Notes: var n } && t - before.Tasks >= deals && n - before.Notes >= 2 * deals, timeout, "signature notes and tasks", () => Explain(world));
        var signature = clock.Elapsed;

        clock.Restart();
        var signedAt = DateTimeOffset.UtcNow;
        ids.ForEach(id => world.Ironclad.Control.AdvanceTo(id, WorkflowStage.Signed));
        var closedWon = await BenchWorld.WaitUntilAsync(clock, () => leads.All(l => world.Kommo.Control.GetLead(l)?.StatusId == Kommo.KommoStatuses.ClosedWon), timeout, "every deal Closed-Won", () => Explain(world));
        await BenchWorld.WaitUntilAsync(clock, () => world.Kommo.Control.Summary is { Files: var f, Notes: var n } && f - before.Files >= deals && n - before.Notes >= 4 * deals, timeout, "executed notes and signed PDFs", () => Explain(world));
        var executed = clock.Elapsed;
        var closeChain = deals == 1 ? CallChain.Since(signedAt, world) : [];

        clock.Restart();
        ids.ForEach(id => world.Ironclad.Control.AdvanceTo(id, WorkflowStage.Complete));
        await WaitUntilQuietAsync(world, clock, timeout);
        var complete = clock.Elapsed;

        var inspected = leads.Select(l => world.Kommo.Control.GetLead(l)!).ToList();
        var jobs = await world.JobsByStatusAsync();
        var (peak, peakMemory, cpu) = world.Memory();
        return new LifecycleResult(
            signature.TotalSeconds,
            closedWon.TotalSeconds,
            executed.TotalSeconds,
            complete.TotalSeconds,
            inspected.Count(l => l.StatusId == Kommo.KommoStatuses.ClosedWon),
            inspected.Count(l => l.Attachments.Count == 1),
            inspected.Count(l => l.Tasks.Count == 1),
            jobs.GetValueOrDefault("Dead"),
            peak,
            peakMemory,
            cpu,
            Calls(world, deals),
            closeChain);
    }

    /// <summary>Every webhook delivered and every job finished, and Ironclad's counter still for a moment.</summary>
    private static async Task WaitUntilQuietAsync(BenchWorld world, Stopwatch clock, TimeSpan timeout)
    {
        var deadline = clock.Elapsed + timeout;
        long lastCalls = -1;
        while (clock.Elapsed < deadline)
        {
            var calls = world.Ironclad.Control.Calls().Total + world.Kommo.Control.Calls.Total;
            var jobs = await world.JobsByStatusAsync();
            var busy = jobs.GetValueOrDefault("Pending") + jobs.GetValueOrDefault("Running") + world.Ironclad.Control.PendingWebhooks + world.Kommo.Control.PendingWebhooks;
            if (busy == 0 && calls == lastCalls)
            {
                return;
            }

            lastCalls = calls;
            await Task.Delay(500);
        }

        throw new TimeoutException("The service did not finish the completed contracts' jobs in time." + Explain(world));
    }

    private static long Launches(BenchWorld world) =>
        world.Ironclad.Control.Calls().ByEndpoint.GetValueOrDefault("POST /public/api/v1/workflows");

    private static CallBreakdown Calls(BenchWorld world, int deals) =>
        CallBreakdown.From(deals, world.Kommo.Control.Calls, world.Ironclad.Control.Calls());

    private static string Explain(BenchWorld world)
    {
        var summary = world.Kommo.Control.Summary;
        var jobs = world.JobsByStatusAsync().GetAwaiter().GetResult();
        return $"\n  Kommo: {summary.Notes} notes, {summary.Tasks} tasks, {summary.Files} files; Ironclad: {world.Ironclad.Control.Workflows().Count} workflows, "
            + $"{Launches(world)} launch calls; jobs: {string.Join(", ", jobs.Select(j => $"{j.Key} {j.Value}"))}\n  service log:\n{string.Join("\n  ---\n", world.Services.Select(s => s.Tail()))}";
    }
}
