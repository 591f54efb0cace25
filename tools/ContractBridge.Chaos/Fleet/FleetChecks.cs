using ContractBridge.Chaos.Checks;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Chaos.Reporting;
using ContractBridge.Chaos.World;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Simulators.Common;

namespace ContractBridge.Chaos.Fleet;

/// <summary>
/// The fleet run's invariants: the lifecycle's (every deal one workflow, each note once and in order, …: 0 lost, 0
/// duplicated), no 429 from either simulator's rate gate (the storms' refusals are injected faults, counted apart as
/// RateLimitStorm), no dead letter but the bad deal's refused items, and work resumed within 5 s of every kill.
/// </summary>
public static class FleetChecks
{
    public static async Task CheckAsync(
        ScenarioResult result,
        ChaosWorld world,
        BridgeFleet fleet,
        IReadOnlyList<DealPlan> plans,
        long badLead,
        IReadOnlyList<KillResume> resumes,
        CancellationToken cancellationToken)
    {
        var snapshot = WorldSnapshot.Take(world, [.. plans.Select(p => p.LeadId)], withMoves: true);
        var outcome = InvariantChecker.Check(world, plans, snapshot);

        // The bad deal is gone from Kommo, so its one workflow reads as naming no deal of the run: that one is expected.
        var badMark = $"(kommoLeadId {badLead})";
        result.Violations.AddRange(outcome.Violations.Where(v => !v.EndsWith(badMark, StringComparison.Ordinal)));
        var badWorkflows = snapshot.StrayWorkflows.Count(w => WorldSnapshot.LeadOf(w) == badLead);
        if (badWorkflows != 1)
        {
            result.Violations.Add($"the bad deal (lead {badLead}) has {badWorkflows} workflows, expected 1");
        }

        CheckRateGates(result, world);
        await CheckDeadLettersAsync(result, fleet, badLead, cancellationToken);
        CheckResumes(result, resumes);

        SimulatorFigures.AddTo(result, world);
        result.Figures["workflows"] = outcome.Tally.Workflows + badWorkflows;
        result.Figures["lost"] = outcome.Tally.Lost;
        result.Figures["duplicated"] = outcome.Tally.Duplicated;
        result.Figures["notes"] = outcome.Tally.Notes;
        result.Figures["tasks"] = outcome.Tally.Tasks;
        result.Figures["deals closed-won"] = outcome.Tally.Closed;
        result.Figures["pdfs attached"] = outcome.Tally.PdfsAttached;
        result.Figures["pdf fallback notes"] = outcome.Tally.PdfFallbacks;
        result.Figures["events stored"] = await fleet.Probe.EventsAsync(cancellationToken);
        var jobs = await fleet.Probe.JobsAsync(cancellationToken);
        result.Figures["jobs succeeded"] = jobs.Succeeded;
        result.Figures["jobs dead"] = jobs.Dead;
    }

    /// <summary>Every 429 a simulator answered, less those of its storms: what remains, its rate gate refused for the limit.</summary>
    private static void CheckRateGates(ScenarioResult result, ChaosWorld world)
    {
        var kommo = world.Kommo.Control.Calls.TooManyRequests - world.Kommo.Faults.Injected()[FaultKind.RateLimitStorm];
        var ironclad = world.Ironclad.Control.Calls().TooManyRequests - world.Ironclad.Faults.Injected()[FaultKind.RateLimitStorm];
        result.Figures["kommo 429 for the limit"] = kommo;
        result.Figures["ironclad 429 for the limit"] = ironclad;
        if (kommo > 0 || ironclad > 0)
        {
            result.Violations.Add($"the fleet exceeded the published limits: Kommo's rate gate answered {kommo} 429s, Ironclad's {ironclad} (storms not counted)");
        }
    }

    /// <summary>Kommo refuses the bad deal's note and task (its lead is gone): those are the only dead letters allowed, and must be there.</summary>
    private static async Task CheckDeadLettersAsync(ScenarioResult result, BridgeFleet fleet, long badLead, CancellationToken cancellationToken)
    {
        var dead = await fleet.Probe.Store.ListAsync(JobStatus.Dead, 100, cancellationToken);
        var badKey = JobKinds.LeadKey(badLead);
        var refused = dead.Where(j => j.Key == badKey).ToList();
        result.Figures["bad item dead letters"] = refused.Count;
        result.Violations.AddRange(dead.Where(j => j.Key != badKey).Select(j => $"dead-lettered job {j.Id} {j.Kind} {j.Key}: {j.LastError}"));
        if (refused.Count == 0)
        {
            result.Violations.Add($"the bad deal's items (lead {badLead}, deleted before its signature note and task) were not dead-lettered with Kommo's reason");
        }

        // A note for the deleted deal goes out in a batch and comes back as Kommo's refused item; the task handler reads
        // the deal first (for its responsible user) and ends its job with the deal gone, before any batch.
        result.Figures["bad items refused by Kommo in a batch"] = refused.Count(j => j.LastError?.Contains("Kommo refused", StringComparison.Ordinal) == true);
        result.Violations.AddRange(refused.Where(j => j.LastError?.Contains("Kommo refused", StringComparison.Ordinal) != true
                && j.LastError?.Contains("no longer exists in Kommo", StringComparison.Ordinal) != true)
            .Select(j => $"the bad deal's job {j.Id} {j.Kind} is dead without Kommo's reason: {j.LastError}"));
    }

    private static void CheckResumes(ScenarioResult result, IReadOnlyList<KillResume> resumes)
    {
        var measured = resumes.Where(r => r.Resumed is not null).ToList();
        result.Figures["kills measured for resumption"] = measured.Count;
        result.Figures["kills whose running jobs were taken over"] = resumes.Count(r => r.HeldJobs > 0);
        result.Figures["max resume after a kill (ms)"] = measured.Count == 0 ? 0 : (long)measured.Max(r => r.Resumed!.Value.TotalMilliseconds);
        foreach (var late in measured.Where(r => r.Resumed > ResumeWatch.Bound))
        {
            result.Violations.Add($"after {late.Victim} was killed ({late.HeldJobs} running jobs), work resumed only after {late.Resumed!.Value.TotalSeconds:0.0} s ({late.How}), more than {ResumeWatch.Bound.TotalSeconds:0} s");
        }
    }
}
