using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;
using ContractBridge.Upstream.Budget;

namespace ContractBridge.Tests.Upstream.Budget.Support;

/// <summary>A fresh SQLite file in its own temporary directory per test; every store opened on it shares the file.</summary>
public sealed class SqliteBudgetDatabases : IBudgetDatabases
{
    public Task<BudgetDatabase> NewDatabaseAsync()
    {
        var directory = Directory.CreateTempSubdirectory("contractbridge-budget-").FullName;
        var path = Path.Combine(directory, BridgeStoreFactory.SqliteFileName);
        return Task.FromResult(new BudgetDatabase(() => new SqliteBridgeStore(path, modules: [RateBudgetSchema.Module]), () =>
        {
            Directory.Delete(directory, recursive: true);
            return Task.CompletedTask;
        }));
    }
}
