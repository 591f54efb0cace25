using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresWakeOnCommitTests(PostgresServer server) : WakeOnCommitTests(server), IClassFixture<PostgresServer>;
