using ContractBridge.Contracts;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Tests.Contracts.Support;

/// <summary>The PostgreSQL databases of the link suite, with the contract-records module too.</summary>
public sealed class PostgresRecordDatabases : PostgresLinkDatabases
{
    protected override IReadOnlyList<SchemaModule> Modules => [ContractLinkSchema.Module, ContractRecordSchema.Module];
}
