using ContractBridge.Contracts;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;

namespace ContractBridge.Tests.Contracts.Support;

/// <summary>A fresh SQLite file in its own temporary directory per test; <paramref name="extraModules"/> beside the links'.</summary>
public sealed class SqliteLinkDatabases(params SchemaModule[] extraModules) : ILinkDatabases
{
    public Task<LinkDatabase> NewDatabaseAsync()
    {
        var directory = Directory.CreateTempSubdirectory("contractbridge-links-").FullName;
        var path = Path.Combine(directory, BridgeStoreFactory.SqliteFileName);
        return Task.FromResult(new LinkDatabase("sqlite", path, () => new SqliteBridgeStore(path, modules: [ContractLinkSchema.Module, .. extraModules]), () =>
        {
            Directory.Delete(directory, recursive: true);
            return Task.CompletedTask;
        }));
    }
}
