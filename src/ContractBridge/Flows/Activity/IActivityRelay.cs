using ContractBridge.Flows.Jobs;

namespace ContractBridge.Flows.Activity;

/// <summary>One list of a workflow's activity (comments, approvals, turns): reads it once and says what is new since <c>state</c>.</summary>
public interface IActivityRelay
{
    ActivityFeed Feed { get; }

    /// <param name="state">What was told before (this relay's own format), or null when nothing was.</param>
    Task<ActivityRelayed> RelayAsync(RelayedContract contract, string? state, CancellationToken cancellationToken);
}
