using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

public sealed class SqliteContractLinkTests() : ContractLinkTests(new SqliteLinkDatabases());
