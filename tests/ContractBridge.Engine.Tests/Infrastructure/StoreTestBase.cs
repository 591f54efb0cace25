using ContractBridge.Engine.Storage;

namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>The shared suite's base: a fresh database per test, migrated, and <see cref="Store"/> opened on it.</summary>
public abstract class StoreTestBase(IStoreProvider provider) : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    protected TestDatabase Database { get; private set; } = null!;

    protected IBridgeStore Store { get; private set; } = null!;

    protected virtual bool MigrateFirst => true;

    public async Task InitializeAsync()
    {
        Database = await provider.NewDatabaseAsync();
        Store = Database.Open();
        if (MigrateFirst)
        {
            await Store.MigrateAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
