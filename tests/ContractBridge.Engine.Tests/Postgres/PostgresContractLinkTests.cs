using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresContractLinkTests(PostgresServer server) : ContractLinkTests(server), IClassFixture<PostgresServer>;
