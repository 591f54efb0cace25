using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

public sealed class SqliteContractLinkMigrationTests() : ContractLinkMigrationTests(new SqliteLinkDatabases());
