namespace ContractBridge.Engine.Storage;

/// <summary>Hears of jobs a store has committed in this process, so their workers can claim them at once.</summary>
public interface IJobsCommittedObserver
{
    /// <summary>
    /// A transaction that stored jobs (inserted or replayed) committed; <paramref name="kinds"/> are their kinds, each once.
    /// Called on the committing thread (for SQLite, the writer's): it must be quick and must not block.
    /// </summary>
    void OnJobsCommitted(IReadOnlyCollection<string> kinds);
}
