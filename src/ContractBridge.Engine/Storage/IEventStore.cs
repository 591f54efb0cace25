using ContractBridge.Engine.Intake;

namespace ContractBridge.Engine.Storage;

public interface IEventStore
{
    /// <summary>
    /// Stores events and their jobs in one transaction (one fsync for the lot: the intake group-commits concurrent
    /// requests through this). An event whose dedupe key is already stored is skipped with its jobs. One outcome per event, in order.
    /// </summary>
    Task<IReadOnlyList<IngestOutcome>> StoreEventsAsync(IReadOnlyList<InboundEvent> events, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredEvent>> ListRecentEventsAsync(int limit, CancellationToken cancellationToken);

    Task<long> CountEventsAsync(CancellationToken cancellationToken);
}

public sealed record StoredEvent(long Id, string Source, string DedupeKey, string Summary, DateTimeOffset ReceivedAt, int JobCount);
