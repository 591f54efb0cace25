using System.Collections.Concurrent;

namespace ContractBridge.Engine.Jobs;

/// <summary>
/// In-process wake-ups: the intake (and completed jobs' follow-ups) tell the workers of a kind that work has landed, so
/// they claim at once instead of at their next poll. Jobs stored by other instances are found by polling.
/// </summary>
public sealed class JobWakeups
{
    private readonly ConcurrentDictionary<string, WakeSignal> signals = new(StringComparer.Ordinal);

    public void Notify(string kind) => SignalFor(kind).Set();

    public void Notify(IEnumerable<string> kinds)
    {
        foreach (var kind in kinds.Distinct(StringComparer.Ordinal))
        {
            Notify(kind);
        }
    }

    /// <summary>Wakes every kind: a finished job may unblock the next job of its key, whatever that job's kind.</summary>
    public void NotifyAll()
    {
        foreach (var signal in signals.Values)
        {
            signal.Set();
        }
    }

    internal WakeSignal SignalFor(string kind) => signals.GetOrAdd(kind, _ => new WakeSignal());
}
