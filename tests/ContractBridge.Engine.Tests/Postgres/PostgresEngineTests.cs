using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresEngineTests(PostgresServer server) : EngineTests(server), IClassFixture<PostgresServer>;
