using ContractBridge.Contracts;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Tests.Contracts.Support;

/// <summary>The PostgreSQL databases of the link suite, with the launch-refusals module too.</summary>
public sealed class PostgresRefusalDatabases : PostgresLinkDatabases
{
    protected override IReadOnlyList<SchemaModule> Modules => [ContractLinkSchema.Module, LaunchRefusalSchema.Module];
}
