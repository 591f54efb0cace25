using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresRetentionTests(PostgresServer server) : RetentionTests(server), IClassFixture<PostgresServer>;
