using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

public sealed class PostgresContractRecordStoreTests(PostgresRecordDatabases databases) : ContractRecordStoreTests(databases), IClassFixture<PostgresRecordDatabases>;
