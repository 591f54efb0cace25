using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Triggers;

/// <summary>What a webhook means to the bridge: the jobs it starts, and one human line for the dashboard.</summary>
/// <param name="Summary">"lead 123 status → stage 456; 1 launch(es)", "workflow_completed 611f…". Never holds secrets.</param>
public sealed record TriggeredWork(string Summary, IReadOnlyList<NewJob> Jobs)
{
    /// <summary>This work and <paramref name="more"/> jobs after it, counted in the summary as <paramref name="what"/>.</summary>
    public TriggeredWork With(IReadOnlyList<NewJob> more, string what) =>
        more.Count == 0 ? this : new TriggeredWork($"{Summary}; {more.Count} {what}", [.. Jobs, .. more]);
}
