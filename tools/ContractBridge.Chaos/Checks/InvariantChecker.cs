using ContractBridge.Chaos.World;
using ContractBridge.Kommo;

namespace ContractBridge.Chaos.Checks;

/// <summary>
/// The invariants of a run, read from the simulators once every contract has reached its fate: every deal has exactly
/// one workflow; each expected note (launch, signature, executed, cancelled) exists exactly once and in that order; one
/// follow-up task per signature; every executed contract closed its deal (Closed-Won of its pipeline) and attached its
/// PDF (or said why not); no deal moved anywhere else, and none moved backwards.
/// </summary>
public static class InvariantChecker
{
    public static CheckOutcome Check(ChaosWorld world, IReadOnlyList<DealPlan> plans, WorldSnapshot snapshot)
    {
        var violations = new List<string>();
        var tally = new CheckTally();
        foreach (var plan in plans)
        {
            CheckDeal(world, plan, snapshot, violations, tally);
        }

        foreach (var stray in snapshot.StrayWorkflows)
        {
            violations.Add($"workflow {stray.IroncladId} ({stray.Id}) names no deal of this run (kommoLeadId {stray.Attributes["kommoLeadId"]})");
        }

        return new CheckOutcome(violations, tally);
    }

    private static void CheckDeal(ChaosWorld world, DealPlan plan, WorldSnapshot snapshot, List<string> violations, CheckTally tally)
    {
        var lead = plan.LeadId;
        void Violation(string what) => violations.Add($"lead {lead} ({plan.Fate}): {what}");
        void Exactly(NoteKind kind, int expected)
        {
            var count = snapshot.Count(lead, kind);
            if (count != expected)
            {
                Violation($"{count} '{kind}' notes, expected {expected}");
            }
        }

        if (!snapshot.Leads.TryGetValue(lead, out var deal))
        {
            Violation("the deal is gone from Kommo");
            return;
        }

        var workflows = snapshot.WorkflowsByLead.GetValueOrDefault(lead) ?? [];
        switch (workflows.Count)
        {
            case 0:
                tally.Lost++;
                Violation("lost: no workflow was launched");
                break;
            case > 1:
                tally.Duplicated++;
                Violation($"duplicated: {workflows.Count} workflows ({string.Join(", ", workflows.Select(w => w.IroncladId))})");
                break;
        }

        tally.Workflows += workflows.Count;
        Exactly(NoteKind.Launched, 1);
        Exactly(NoteKind.Signature, plan.ReachesSignature ? 1 : 0);
        Exactly(NoteKind.Executed, plan.Fate == DealFate.Executed ? 1 : 0);
        Exactly(NoteKind.Cancelled, plan.IsCancelled ? 1 : 0);
        foreach (var unexpected in new[] { NoteKind.AlreadyInProgress, NoteKind.LaunchFailed, NoteKind.BackToReview, NoteKind.Other })
        {
            Exactly(unexpected, 0);
        }

        var tasks = deal.Tasks.Where(t => t.EntityId == lead).ToList();
        if (tasks.Count != (plan.ReachesSignature ? 1 : 0))
        {
            Violation($"{tasks.Count} follow-up tasks, expected {(plan.ReachesSignature ? 1 : 0)}");
        }
        else if (tasks.Count == 1 && tasks[0].ResponsibleUserId != world.RepId)
        {
            Violation($"the follow-up task is for user {tasks[0].ResponsibleUserId}, not the deal's rep {world.RepId}");
        }

        tally.Notes += deal.Notes.Count;
        tally.Tasks += tasks.Count;
        CheckOrder(snapshot, lead, Violation);
        CheckStage(world, plan, deal.StatusId, deal.PipelineId, Violation);
        CheckMoves(world, plan, snapshot, Violation);
        if (plan.Fate == DealFate.Executed)
        {
            var attachments = deal.Attachments.Count;
            var fallbacks = snapshot.Count(lead, NoteKind.DocumentFallback);
            if (attachments + fallbacks != 1)
            {
                Violation($"{attachments} signed PDFs attached and {fallbacks} notes saying why not: expected exactly one of them");
            }

            tally.PdfsAttached += attachments;
            tally.PdfFallbacks += fallbacks;
            tally.Closed += deal.StatusId == KommoStatuses.ClosedWon ? 1 : 0;
        }
        else
        {
            Exactly(NoteKind.Attachment, 0);
            Exactly(NoteKind.DocumentFallback, 0);
        }
    }

    /// <summary>A deal's story reads forwards: launched, then sent for signature, then executed or cancelled.</summary>
    private static void CheckOrder(WorldSnapshot snapshot, long lead, Action<string> violation)
    {
        static int Rank(NoteKind kind) => kind switch
        {
            NoteKind.Launched => 0,
            NoteKind.Signature => 1,
            NoteKind.Executed or NoteKind.Cancelled => 2,
            _ => -1,
        };

        var ranks = snapshot.Notes(lead).OrderBy(n => n.Id).Select(n => Rank(NoteKinds.Of(n))).Where(r => r >= 0).ToList();
        for (var i = 1; i < ranks.Count; i++)
        {
            if (ranks[i] < ranks[i - 1])
            {
                violation($"moved backwards: its notes read {string.Join(" → ", snapshot.Notes(lead).OrderBy(n => n.Id).Select(n => NoteKinds.Of(n)))}");
                return;
            }
        }
    }

    private static void CheckStage(ChaosWorld world, DealPlan plan, long statusId, long pipelineId, Action<string> violation)
    {
        var expected = plan.Fate == DealFate.Executed ? KommoStatuses.ClosedWon : world.SendContract;
        if (statusId != expected || pipelineId != world.Sales.Id)
        {
            violation($"the deal is in stage {statusId} of pipeline {pipelineId}, expected {expected} of {world.Sales.Id}");
        }
    }

    /// <summary>The only moves allowed: the rep's to Send contract, and the bridge's one move to Closed-Won for a signed contract.</summary>
    private static void CheckMoves(ChaosWorld world, DealPlan plan, WorldSnapshot snapshot, Action<string> violation)
    {
        var expected = new List<(long, long)> { (world.Negotiation, world.SendContract) };
        if (plan.Fate == DealFate.Executed)
        {
            expected.Add((world.SendContract, KommoStatuses.ClosedWon));
        }

        var moves = snapshot.StatusMoves.GetValueOrDefault(plan.LeadId) ?? [];
        if (!moves.SequenceEqual(expected))
        {
            violation($"its stage moves were {Describe(moves)}, expected {Describe(expected)}");
        }
    }

    private static string Describe(IEnumerable<(long From, long To)> moves) => string.Join(", ", moves.Select(m => $"{m.From}→{m.To}"));
}

public sealed record CheckOutcome(IReadOnlyList<string> Violations, CheckTally Tally);

/// <summary>Counts gathered while checking, for the figures.</summary>
public sealed class CheckTally
{
    public int Workflows { get; set; }

    public int Lost { get; set; }

    public int Duplicated { get; set; }

    public int Notes { get; set; }

    public int Tasks { get; set; }

    public int Closed { get; set; }

    public int PdfsAttached { get; set; }

    public int PdfFallbacks { get; set; }
}
