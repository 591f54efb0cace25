namespace ContractBridge.Engine.Jobs;

/// <summary>What a handler says about one job it ran.</summary>
public abstract record JobResult
{
    public static readonly JobResult Done = new Succeeded([]);

    private JobResult()
    {
    }

    public static JobResult Then(params NewJob[] followUps) => new Succeeded(followUps);

    /// <summary>Done. <paramref name="FollowUps"/> are stored in the same transaction that marks the job done.</summary>
    public sealed record Succeeded(IReadOnlyList<NewJob> FollowUps) : JobResult;

    /// <summary>A transient failure: try again later (after <paramref name="RetryAfter"/> when the upstream said so).</summary>
    public sealed record Transient(string Error, TimeSpan? RetryAfter = null) : JobResult;

    /// <summary>A permanent failure: retrying cannot help. The job goes to dead letters at once (an operator can replay it).</summary>
    public sealed record Permanent(string Error) : JobResult;
}
