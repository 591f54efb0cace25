using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

public sealed class PostgresContractStoryStoreTests(PostgresLinkDatabases databases) : ContractStoryStoreTests(databases), IClassFixture<PostgresLinkDatabases>;
