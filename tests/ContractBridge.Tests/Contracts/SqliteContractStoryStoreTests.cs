using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

public sealed class SqliteContractStoryStoreTests() : ContractStoryStoreTests(new SqliteLinkDatabases());
