namespace ContractBridge.Engine.Storage;

/// <summary>Small durable state (cached tokens) and named leases that serialise work across instances (token refresh).</summary>
public interface IKeyValueStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sets <paramref name="key"/> only if it currently holds <paramref name="expected"/> (null: absent).</summary>
    Task<bool> CompareAndSetAsync(string key, string? expected, string value, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Takes the named lease if it is free or expired (or already ours). Other instances see it as taken until it expires.</summary>
    Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken);

    Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken);
}
