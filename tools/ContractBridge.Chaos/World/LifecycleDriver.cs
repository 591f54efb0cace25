using ContractBridge.Chaos.Checks;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Kommo;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Chaos.World;

/// <summary>
/// Plays the people around the bridge, in three phases: reps move every deal to "Send contract" in bursts; legal sends
/// most contracts for signature and cancels some in review; signers sign most of them and some are cancelled at
/// signature. Each phase waits (against a deadline) until the simulators show the bridge's effects of the one before,
/// so every expectation is exact.
/// </summary>
public sealed class LifecycleDriver(ChaosWorld world, IReadOnlyList<DealPlan> plans, Random random, TimeSpan phaseTimeout, Func<Task<string>> explain)
{
    private readonly Dictionary<long, DealPlan> _plans = plans.ToDictionary(p => p.LeadId);

    public IReadOnlyList<DealPlan> Plans => plans;

    /// <summary>
    /// A monotonic count of the bridge's visible progress (workflows launched, signature notes, executed and cancelled
    /// notes), so kills can be placed at random points of the work rather than of the clock.
    /// </summary>
    public long Progress()
    {
        var workflows = world.Ironclad.Control.Workflows().Count;
        var notes = world.Kommo.Control.GetNotes().Count(n => NoteKinds.Of(n) is NoteKind.Signature or NoteKind.Executed or NoteKind.Cancelled);
        return workflows + notes;
    }

    /// <summary>The progress count once everything is done.</summary>
    public long FullProgress => plans.Count + plans.Count(p => p.ReachesSignature) + plans.Count(p => p.Fate == DealFate.Executed || p.IsCancelled);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await BurstAsync(cancellationToken);
        await SignaturePhaseAsync(cancellationToken);
        await ClosingPhaseAsync(cancellationToken);
    }

    /// <summary>Reps drag deals to "Send contract" in bursts of 1 to 60 at a time.</summary>
    public async Task BurstAsync(CancellationToken cancellationToken)
    {
        var pending = plans.Select(p => p.LeadId).OrderBy(_ => random.Next()).ToList();
        while (pending.Count > 0)
        {
            var take = Math.Min(pending.Count, random.Next(1, 61));
            world.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = pending[..take], StatusId = world.SendContract });
            pending.RemoveRange(0, take);
            await Task.Delay(random.Next(20, 250), cancellationToken);
        }

        await WaitAsync(
            s => plans.All(p => s.WorkflowsByLead.ContainsKey(p.LeadId) && s.Count(p.LeadId, NoteKind.Launched) >= 1),
            "every deal's launch (a workflow and its note)",
            cancellationToken);
    }

    /// <summary>Legal sends contracts for signature (or cancels them in review), a few at a time.</summary>
    public async Task SignaturePhaseAsync(CancellationToken cancellationToken)
    {
        var snapshot = WorldSnapshot.Take(world, _plans.Keys);
        foreach (var plan in plans.Where(p => p.ReachesSignature || p.Fate == DealFate.CancelledInReview).OrderBy(_ => random.Next()))
        {
            var workflow = snapshot.WorkflowsByLead[plan.LeadId][0].Id;
            if (plan.ReachesSignature)
            {
                Change(() => world.Ironclad.Control.AdvanceTo(workflow, WorkflowStage.Sign));
            }
            else
            {
                Change(() => world.Ironclad.Control.Cancel(workflow));
            }

            await PaceAsync(cancellationToken);
        }

        await WaitAsync(
            s => plans.All(p => p.ReachesSignature
                ? s.Count(p.LeadId, NoteKind.Signature) >= 1 && s.Tasks(p.LeadId).Count >= 1
                : p.Fate != DealFate.CancelledInReview || s.Count(p.LeadId, NoteKind.Cancelled) >= 1),
            "every signature note and task, and every cancellation in review",
            cancellationToken);
    }

    /// <summary>Signers sign (the contract is executed), or the contract is cancelled at signature.</summary>
    public async Task ClosingPhaseAsync(CancellationToken cancellationToken)
    {
        var snapshot = WorldSnapshot.Take(world, _plans.Keys);
        foreach (var plan in plans.Where(p => p.Fate is DealFate.Executed or DealFate.CancelledAtSignature).OrderBy(_ => random.Next()))
        {
            var workflow = snapshot.WorkflowsByLead[plan.LeadId][0].Id;
            if (plan.Fate == DealFate.Executed)
            {
                Change(() => world.Ironclad.Control.AdvanceTo(workflow, plan.ExecutedAt));
            }
            else
            {
                Change(() => world.Ironclad.Control.Cancel(workflow));
            }

            await PaceAsync(cancellationToken);
        }

        await WaitAsync(
            s => plans.All(p => p.Fate switch
            {
                DealFate.Executed => s.Count(p.LeadId, NoteKind.Executed) >= 1
                    && s.Leads[p.LeadId].StatusId == KommoStatuses.ClosedWon
                    && s.Leads[p.LeadId].Attachments.Count + s.Count(p.LeadId, NoteKind.DocumentFallback) >= 1,
                DealFate.CancelledAtSignature => s.Count(p.LeadId, NoteKind.Cancelled) >= 1,
                _ => true,
            }),
            "every executed contract's close (note, Closed-Won, PDF) and every cancellation at signature",
            cancellationToken);
    }

    private static void Change(Action change)
    {
        try
        {
            change();
        }
        catch (IroncladApiException)
        {
            // The driver never asks for a move a workflow cannot make; should the simulator refuse one, the check reports it.
        }
    }

    /// <summary>People work in bursts: mostly back to back, now and then a pause.</summary>
    private Task PaceAsync(CancellationToken cancellationToken) =>
        random.NextDouble() < 0.1 ? Task.Delay(random.Next(20, 200), cancellationToken) : Task.CompletedTask;

    private Task WaitAsync(Func<WorldSnapshot, bool> done, string what, CancellationToken cancellationToken) =>
        Until.TrueAsync(() => done(WorldSnapshot.Take(world, _plans.Keys)), what, phaseTimeout, cancellationToken, explain, pollMilliseconds: 250);
}
