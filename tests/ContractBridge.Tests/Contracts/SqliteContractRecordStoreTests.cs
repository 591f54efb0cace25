using ContractBridge.Contracts;
using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

public sealed class SqliteContractRecordStoreTests() : ContractRecordStoreTests(new SqliteLinkDatabases(ContractRecordSchema.Module));
