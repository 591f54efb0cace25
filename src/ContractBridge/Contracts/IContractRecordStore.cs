namespace ContractBridge.Contracts;

/// <summary>The contract records of the bridge's deals (<see cref="ContractRecord"/>), in the engine's database.</summary>
public interface IContractRecordStore
{
    /// <summary>
    /// Stores a record as just read from Ironclad when it is new or newer (by its lastUpdated) than the stored one, keeping
    /// the stored task, and stores the jobs <paramref name="followUps"/> decides in the same transaction. Returns the
    /// record as stored now, or null when the read was stale or repeated (nothing stored, no jobs). Reads of one record
    /// from several workers or instances decide one after the other.
    /// </summary>
    Task<ContractRecord?> ObserveAsync(ContractRecord observed, ContractRecordFollowUps followUps, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ContractRecord?> FindAsync(string recordId, CancellationToken cancellationToken);

    /// <summary>The records of these ids that are known; the others are absent.</summary>
    Task<IReadOnlyDictionary<string, ContractRecord>> FindManyAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken);

    /// <summary>Remembers the renewal task made (or moved) for the record, and the expiration date it was set for.</summary>
    Task RecordTaskAsync(string recordId, long taskId, DateOnly expiration, DateTimeOffset now, CancellationToken cancellationToken);
}
