using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresRetryForTests(PostgresServer server) : RetryForTests(server), IClassFixture<PostgresServer>;
