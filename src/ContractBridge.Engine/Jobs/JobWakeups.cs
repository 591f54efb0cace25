using System.Collections.Concurrent;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Engine.Jobs;

/// <summary>
/// In-process wake-ups, so workers claim new work at once instead of at their next poll. The one door in is the store:
/// the <see cref="JobEngine"/> subscribes this to its store, which reports every commit that stored jobs (events with
/// their jobs, follow-ups, replays, a service's own writes) with their kinds, after the commit. Workers also wake each
/// other when a batch ends (a finished job may free the next job of its key). Jobs stored by other instances are found
/// by polling.
/// </summary>
public sealed class JobWakeups : IJobsCommittedObserver
{
    private readonly ConcurrentDictionary<string, WakeSignal> signals = new(StringComparer.Ordinal);

    void IJobsCommittedObserver.OnJobsCommitted(IReadOnlyCollection<string> kinds)
    {
        foreach (var kind in kinds)
        {
            SignalFor(kind).Set();
        }
    }

    /// <summary>Wakes every kind: a finished job may unblock the next job of its key, whatever that job's kind.</summary>
    internal void NotifyAll()
    {
        foreach (var signal in signals.Values)
        {
            signal.Set();
        }
    }

    internal WakeSignal SignalFor(string kind) => signals.GetOrAdd(kind, _ => new WakeSignal());
}
