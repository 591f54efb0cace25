using ContractBridge.Contracts;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Tests.Contracts.Support;

/// <summary>The link suite's base: a fresh database per test, migrated, with the engine's store and the link store on it.</summary>
public abstract class LinkStoreTestBase(ILinkDatabases databases) : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    protected LinkDatabase Database { get; private set; } = null!;

    /// <summary>The engine's store (jobs, schema versions) the links share a database and transactions with.</summary>
    protected IBridgeStore Store { get; private set; } = null!;

    protected IContractLinkStore Links { get; private set; } = null!;

    protected virtual bool MigrateFirst => true;

    public async Task InitializeAsync()
    {
        Database = await databases.NewDatabaseAsync();
        (Store, Links) = Database.Open();
        if (MigrateFirst)
        {
            await Store.MigrateAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
