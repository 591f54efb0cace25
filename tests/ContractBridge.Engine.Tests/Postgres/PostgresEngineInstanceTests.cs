using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresEngineInstanceTests(PostgresServer server) : EngineInstanceTests(server), IClassFixture<PostgresServer>;
