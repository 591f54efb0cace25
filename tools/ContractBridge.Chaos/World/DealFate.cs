using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Chaos.World;

/// <summary>Where a deal's contract ends up in a run; the invariants follow from it.</summary>
public enum DealFate
{
    /// <summary>Launched and left in review.</summary>
    ReviewOnly,

    CancelledInReview,

    /// <summary>Sent for signature and left there.</summary>
    SignatureOnly,

    CancelledAtSignature,

    /// <summary>Sent for signature, then fully signed: the deal must close (Closed-Won).</summary>
    Executed,
}

/// <param name="ExecutedAt">How an executed contract gets there: signed in the Sign step, Archive or Complete.</param>
public sealed record DealPlan(long LeadId, DealFate Fate, WorkflowStage ExecutedAt)
{
    public bool ReachesSignature => Fate is DealFate.SignatureOnly or DealFate.CancelledAtSignature or DealFate.Executed;

    public bool IsCancelled => Fate is DealFate.CancelledInReview or DealFate.CancelledAtSignature;

    /// <summary>Most contracts are signed, some cancelled, a few left open; every fate appears at least once when there are five deals.</summary>
    public static IReadOnlyList<DealPlan> For(IReadOnlyList<long> leads, Random random)
    {
        DealFate[] mustAppear = [DealFate.Executed, DealFate.CancelledAtSignature, DealFate.SignatureOnly, DealFate.CancelledInReview, DealFate.ReviewOnly];
        WorkflowStage[] executedAt = [WorkflowStage.Signed, WorkflowStage.Archive, WorkflowStage.Complete];
        return [.. leads.Select((lead, i) =>
        {
            var fate = i < mustAppear.Length ? mustAppear[i] : random.NextDouble() switch
            {
                < 0.65 => DealFate.Executed,
                < 0.75 => DealFate.CancelledAtSignature,
                < 0.85 => DealFate.SignatureOnly,
                < 0.93 => DealFate.CancelledInReview,
                _ => DealFate.ReviewOnly,
            };
            return new DealPlan(lead, fate, executedAt[random.Next(executedAt.Length)]);
        })];
    }
}
