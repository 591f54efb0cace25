using ContractBridge.Engine.Storage;

namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>One test's database. Opens stores on it (one per simulated instance) and disposes them all at the end.</summary>
public sealed class TestDatabase(string provider, string location, Func<IBridgeStore> open, Func<Task>? cleanUp = null) : IAsyncDisposable
{
    private readonly List<IBridgeStore> opened = [];

    public string Provider { get; } = provider;

    /// <summary>The SQLite file path or the Npgsql connection string (for a child process).</summary>
    public string Location { get; } = location;

    public IBridgeStore Open()
    {
        var store = open();
        lock (opened)
        {
            opened.Add(store);
        }

        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }

        if (cleanUp is not null)
        {
            await cleanUp();
        }
    }
}
