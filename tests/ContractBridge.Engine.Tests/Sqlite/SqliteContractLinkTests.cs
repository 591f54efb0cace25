using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Sqlite;

public sealed class SqliteContractLinkTests() : ContractLinkTests(new SqliteStoreProvider());
