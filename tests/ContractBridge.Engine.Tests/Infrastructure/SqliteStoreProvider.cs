using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;

namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>A fresh SQLite file in its own temporary directory per test.</summary>
public sealed class SqliteStoreProvider : IStoreProvider
{
    public Task<TestDatabase> NewDatabaseAsync()
    {
        var directory = Directory.CreateTempSubdirectory("contractbridge-engine-tests-").FullName;
        var path = Path.Combine(directory, BridgeStoreFactory.SqliteFileName);
        return Task.FromResult(new TestDatabase("sqlite", path, modules => new SqliteBridgeStore(path, modules: modules), () =>
        {
            Directory.Delete(directory, recursive: true);
            return Task.CompletedTask;
        }));
    }
}
