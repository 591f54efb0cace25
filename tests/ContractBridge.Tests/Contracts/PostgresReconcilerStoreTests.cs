using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

public sealed class PostgresReconcilerStoreTests(PostgresRefusalDatabases databases) : ReconcilerStoreTests(databases), IClassFixture<PostgresRefusalDatabases>;
