namespace ContractBridge.Flows.Story;

/// <summary>What the bridge wrote on each deal in Kommo, in the engine's database: appended as Kommo accepts each batch.</summary>
public interface IDealWriteLog
{
    /// <summary>Stores the writes (their ids ignored) in one statement.</summary>
    Task RecordAsync(IReadOnlyList<DealWrite> writes, CancellationToken cancellationToken);

    /// <summary>The deal's writes below <paramref name="before"/> (an id), newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DealWrite>> ListAsync(long leadId, long before, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes the writes made before <paramref name="olderThan"/>; returns how many.</summary>
    Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
