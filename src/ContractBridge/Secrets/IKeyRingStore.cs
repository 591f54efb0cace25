namespace ContractBridge.Secrets;

/// <summary>The key ring's rows in the engine's database (SQLite or PostgreSQL).</summary>
public interface IKeyRingStore
{
    Task<IReadOnlyList<KeyRingEntry>> AllAsync(CancellationToken cancellationToken);

    Task AddAsync(string? friendlyName, string xml, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replaces one row's text only if it still holds <paramref name="expected"/>; false when another instance got there first.</summary>
    Task<bool> ReplaceAsync(long id, string expected, string xml, CancellationToken cancellationToken);
}
