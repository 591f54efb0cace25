using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

public sealed class PostgresContractLinkTests(PostgresLinkDatabases databases) : ContractLinkTests(databases), IClassFixture<PostgresLinkDatabases>;
