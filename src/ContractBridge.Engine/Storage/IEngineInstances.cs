namespace ContractBridge.Engine.Storage;

/// <summary>
/// The registry of running job engines, one row each. An engine registers at start, beats while it runs and is removed
/// when it stops gracefully. A running job whose owner's row says it is no longer alive can be claimed by another
/// instance at once, without waiting for the job's lease to run out (see <see cref="IJobStore"/>).
/// </summary>
public interface IEngineInstances
{
    /// <summary>Makes (or, for a reused id, restarts) the row of <paramref name="instanceId"/>, alive until <paramref name="aliveUntil"/>.</summary>
    Task RegisterInstanceAsync(string instanceId, DateTimeOffset now, DateTimeOffset aliveUntil, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="instanceId"/> alive until <paramref name="aliveUntil"/>; makes its row again if it was deleted.</summary>
    Task BeatInstanceAsync(string instanceId, DateTimeOffset now, DateTimeOffset aliveUntil, CancellationToken cancellationToken);

    /// <summary>Deletes the row of an instance that stopped gracefully (its jobs were finished or released first).</summary>
    Task RemoveInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Deletes the rows of instances silent since before <paramref name="silentSince"/> that hold no running job; returns how many.</summary>
    Task<int> ForgetSilentInstancesAsync(DateTimeOffset silentSince, CancellationToken cancellationToken);
}
