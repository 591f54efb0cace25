using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Sqlite;

/// <summary>On SQLite the "instances" are separate writers on one file: a CLI beside the service, not a deployment shape.</summary>
public sealed class SqliteEngineTests() : EngineTests(new SqliteStoreProvider())
{
    protected override int InstanceTestJobs => 600;
}
