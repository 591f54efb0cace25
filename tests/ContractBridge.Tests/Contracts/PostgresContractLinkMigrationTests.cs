using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

public sealed class PostgresContractLinkMigrationTests(PostgresLinkDatabases databases) : ContractLinkMigrationTests(databases), IClassFixture<PostgresLinkDatabases>;
