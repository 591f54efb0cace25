namespace ContractBridge.Engine.Storage;

/// <summary>
/// A store's one way of telling who listens that jobs were committed: each store calls <see cref="Publish"/> after a
/// commit succeeds (never before, never for a rolled-back write) with the kinds the transaction stored.
/// </summary>
internal sealed class CommittedJobsFeed
{
    private readonly Lock changing = new();
    private volatile IJobsCommittedObserver[] observers = [];

    public IDisposable Subscribe(IJobsCommittedObserver observer)
    {
        lock (changing)
        {
            observers = [.. observers, observer];
        }

        return new Subscription(this, observer);
    }

    public void Publish(IReadOnlyCollection<string> kinds)
    {
        if (kinds.Count == 0)
        {
            return;
        }

        foreach (var observer in observers)
        {
            try
            {
                observer.OnJobsCommitted(kinds);
            }
            catch (Exception)
            {
                // A wake-up only saves the workers a poll: a listener's failure must not turn a committed write into an
                // error for its caller, nor stop the SQLite writer's thread. The jobs are stored and will be found.
            }
        }
    }

    private sealed class Subscription(CommittedJobsFeed feed, IJobsCommittedObserver observer) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1)
            {
                return;
            }

            lock (feed.changing)
            {
                feed.observers = [.. feed.observers.Where(o => !ReferenceEquals(o, observer))];
            }
        }
    }
}
