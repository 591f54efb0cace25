using ContractBridge.Contracts;
using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

public sealed class SqliteReconcilerStoreTests() : ReconcilerStoreTests(new SqliteLinkDatabases(LaunchRefusalSchema.Module));
