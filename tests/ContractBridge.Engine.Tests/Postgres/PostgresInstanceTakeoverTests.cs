using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresInstanceTakeoverTests(PostgresServer server) : InstanceTakeoverTests(server), IClassFixture<PostgresServer>;
