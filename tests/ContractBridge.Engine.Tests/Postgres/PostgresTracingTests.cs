using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresTracingTests(PostgresServer server) : TracingTests(server), IClassFixture<PostgresServer>;
