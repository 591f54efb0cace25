using ContractBridge.Engine.Storage;

namespace ContractBridge.Tests.Support;

/// <summary>The key/values part of the store, in memory, with its compare-and-set.</summary>
internal sealed class MemoryKeyValues : IKeyValueStore
{
    private readonly Dictionary<string, string> _values = [];

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_values.GetValueOrDefault(key));

    public Task SetAsync(string key, string value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _values[key] = value;
        return Task.CompletedTask;
    }

    public Task<bool> CompareAndSetAsync(string key, string? expected, string value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_values.GetValueOrDefault(key) != expected)
        {
            return Task.FromResult(false);
        }

        _values[key] = value;
        return Task.FromResult(true);
    }

    public Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken) => throw new NotSupportedException();
}
